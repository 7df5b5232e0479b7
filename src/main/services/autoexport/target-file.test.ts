// Auto-export never silently overwrites (issue 11 item 2): an existing .bib is
// taken over only after a confirmation naming it, with a copy kept; a link is
// refused; a folder swapped for a link after the file was added is caught on
// the next write; an edit by another program is not overwritten.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createExportTargets, type ExportTargets } from './targets'

let root: string
let dataDir: string
let papers: string
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'neuroref-takeover-'))
  dataDir = path.join(root, 'data')
  papers = path.join(root, 'thesis')
  mkdirSync(papers)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const HAND_MADE = '@book{koob2008, title = {Neurobiology of Addiction}, note = {typed by hand}}\n'
const BIB = '@article{young2004neurobiology,\n  title = {The Neurobiology of Pair Bonding}\n}\n'

async function addNew(targets: ExportTargets, file: string, replaceExisting?: string) {
  const outcome = await targets.add(file, replaceExisting)
  if (!('target' in outcome)) throw new Error(`${file} already exists`)
  return outcome.target
}

describe('an existing .bib file', () => {
  it('is not registered without a confirmation: the answer names it, and nothing is written', async () => {
    const thesis = path.join(papers, 'thesis.bib')
    writeFileSync(thesis, HAND_MADE)
    const targets = createExportTargets({ dataDir })
    expect(await targets.add(thesis)).toEqual({ existing: { path: thesis, size: HAND_MADE.length, modifiedAt: lstatSync(thesis).mtimeMs } })
    expect(await targets.add(thesis, path.join(papers, 'other.bib'))).toMatchObject({ existing: { path: thesis } })
    expect(await targets.list()).toEqual([])
    expect(readFileSync(thesis, 'utf8')).toBe(HAND_MADE)
  })

  it('is taken over once confirmed by name, the old file kept as thesis.bib.bak (never over an earlier copy)', async () => {
    const thesis = path.join(papers, 'thesis.bib')
    writeFileSync(thesis, HAND_MADE)
    writeFileSync(`${thesis}.bak`, 'an older copy of mine')
    const targets = createExportTargets({ dataDir })
    const target = await addNew(targets, thesis, thesis)
    expect(target.backupPath).toBe(`${thesis}.bak2`)
    await targets.write(target.id, BIB)
    expect(readFileSync(thesis, 'utf8')).toBe(BIB)
    expect(readFileSync(`${thesis}.bak`, 'utf8')).toBe('an older copy of mine')
    expect(readFileSync(`${thesis}.bak2`, 'utf8')).toBe(HAND_MADE)
  })
})

describe('every write checks the real path again', () => {
  it('a symlinked .bib is refused when added, and a link put in its place later is not written through', async () => {
    const real = path.join(papers, 'real.bib')
    writeFileSync(real, HAND_MADE)
    const link = path.join(papers, 'link.bib')
    symlinkSync(real, link)
    const targets = createExportTargets({ dataDir })
    await expect(targets.add(link, link)).rejects.toThrow(
      `${link} is a link to ${real}. Neuroref writes only real files: choose ${real} itself, or another name.`
    )

    const later = path.join(papers, 'later.bib')
    const target = await addNew(targets, later)
    await targets.write(target.id, BIB)
    rmSync(later)
    symlinkSync(real, later)
    await expect(targets.write(target.id, BIB)).rejects.toThrow(/is a link to/)
    expect(readFileSync(real, 'utf8')).toBe(HAND_MADE)
    expect(lstatSync(later).isSymbolicLink()).toBe(true)
    expect((await targets.list())[0].lastError).toMatch(/is a link to/)
  })

  it('a folder swapped for a link to the data folder after it was added is caught, and nothing lands there', async () => {
    const folder = path.join(papers, 'chapter')
    mkdirSync(folder)
    mkdirSync(dataDir, { recursive: true })
    const targets = createExportTargets({ dataDir })
    const target = await addNew(targets, path.join(folder, 'refs.bib'))
    await targets.write(target.id, BIB)
    renameSync(folder, path.join(papers, 'chapter-moved'))
    symlinkSync(dataDir, folder)
    await expect(targets.write(target.id, BIB)).rejects.toThrow(`The folder of ${path.join(folder, 'refs.bib')} now leads somewhere else (`)
    expect(readdirSync(dataDir)).toEqual(['export-targets.json'])
  })

  it('a file edited by another program since the last write is not overwritten', async () => {
    const file = path.join(papers, 'refs.bib')
    const targets = createExportTargets({ dataDir })
    const target = await addNew(targets, file)
    await targets.write(target.id, BIB)
    await targets.write(target.id, BIB) // Neuroref's own file: rewritten freely
    writeFileSync(file, `${BIB}% my note\n`)
    await expect(targets.write(target.id, `${BIB}@misc{x}\n`)).rejects.toThrow(
      `${file} was changed by another program since Neuroref last wrote it, so Neuroref did not overwrite it.`
    )
    expect(readFileSync(file, 'utf8')).toBe(`${BIB}% my note\n`)
  })

  it('a file touched but not changed (a sync client) is rewritten as usual', async () => {
    const file = path.join(papers, 'refs.bib')
    const targets = createExportTargets({ dataDir })
    const target = await addNew(targets, file)
    await targets.write(target.id, BIB)
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    await targets.write(target.id, `${BIB}@misc{x}\n`)
    expect(readFileSync(file, 'utf8')).toBe(`${BIB}@misc{x}\n`)
  })

  it('a file that appeared after it was added (never written by Neuroref) is not replaced', async () => {
    const file = path.join(papers, 'refs.bib')
    const targets = createExportTargets({ dataDir })
    const target = await addNew(targets, file)
    writeFileSync(file, HAND_MADE)
    await expect(targets.write(target.id, BIB)).rejects.toThrow(/appeared after it was added/)
    expect(readFileSync(file, 'utf8')).toBe(HAND_MADE)
  })
})
