// Auto-export targets on a real temp folder: atomic writes, a failed write
// keeps the old file, and only sensible paths become targets.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkTargetPath, createExportTargets, type ExportTargets } from './targets'

let root: string
let dataDir: string
let papers: string
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'neuroref-autoexport-'))
  dataDir = path.join(root, 'data')
  papers = path.join(root, 'manuscript')
  mkdirSync(papers)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

/** Adds a path that must not exist yet (an existing file needs the researcher's confirmation: target-file.test.ts). */
async function addNew(targets: ExportTargets, file: string, replaceExisting?: string) {
  const outcome = await targets.add(file, replaceExisting)
  if (!('target' in outcome)) throw new Error(`${file} already exists`)
  return outcome.target
}

const BIB = '@article{young2004neurobiology,\n  title = {The Neurobiology of Pair Bonding}\n}\n'

describe('export targets', () => {
  it('registers a .bib file and writes it atomically, leaving no temp file behind', async () => {
    const targets = createExportTargets({ dataDir, now: () => 1_700_000_000_000 })
    const target = await addNew(targets, path.join(papers, 'refs.bib'))
    expect(target.path).toBe(path.join(papers, 'refs.bib'))
    expect(await targets.write(target.id, BIB)).toEqual({ writtenAt: 1_700_000_000_000 })
    expect(readFileSync(target.path, 'utf8')).toBe(BIB)
    expect(readdirSync(papers)).toEqual(['refs.bib'])
    expect(readdirSync(dataDir)).toEqual(['export-targets.json'])
    expect(await targets.list()).toEqual([{ ...target, lastWrittenAt: 1_700_000_000_000, written: expect.objectContaining({ size: BIB.length }) }])
  })

  it('keeps the list across restarts, and forgets a removed target', async () => {
    const first = await addNew(createExportTargets({ dataDir }), path.join(papers, 'a.bib'))
    const again = createExportTargets({ dataDir })
    expect((await again.list()).map(t => t.path)).toEqual([first.path])
    await again.remove(first.id)
    expect(await createExportTargets({ dataDir }).list()).toEqual([])
    await expect(again.write(first.id, BIB)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a failed write leaves the old file intact, no temp file, and records the error', async () => {
    const file = path.join(papers, 'refs.bib')
    writeFileSync(file, 'old contents')
    let failRename = false
    const fs = {
      ...fsp,
      rename: (async (from: string, to: string) => {
        if (failRename && to === file) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
        return fsp.rename(from, to)
      }) as typeof fsp.rename
    }
    const targets = createExportTargets({ dataDir, fs })
    const target = await addNew(targets, file, file)
    failRename = true
    await expect(targets.write(target.id, BIB)).rejects.toMatchObject({ code: 'IO', message: `Could not write ${file}: the disk is full.` })
    expect(readFileSync(file, 'utf8')).toBe('old contents')
    expect(readdirSync(papers).sort()).toEqual(['refs.bib', 'refs.bib.bak'])
    expect((await targets.list())[0].lastError).toBe(`Could not write ${file}: the disk is full.`)

    failRename = false
    await targets.write(target.id, BIB)
    expect((await targets.list())[0].lastError).toBeUndefined()
  })

  it('reports a folder that disappeared after the target was added', async () => {
    const folder = path.join(papers, 'gone')
    mkdirSync(folder)
    const targets = createExportTargets({ dataDir })
    const target = await addNew(targets, path.join(folder, 'refs.bib'))
    rmSync(folder, { recursive: true })
    await expect(targets.write(target.id, BIB)).rejects.toThrow(/its folder no longer exists/)
  })

  it('refuses the same file twice', async () => {
    const targets = createExportTargets({ dataDir })
    await addNew(targets, path.join(papers, 'refs.bib'))
    await expect(targets.add(path.join(papers, '.', 'refs.bib'))).rejects.toThrow(/already an auto-export file/)
  })
})

describe('checkTargetPath', () => {
  const refused = async (input: unknown) =>
    checkTargetPath(input, dataDir).then(
      () => 'accepted',
      (e: Error) => e.message
    )

  it('accepts an absolute .bib path in a writable folder, normalised', async () => {
    expect(await checkTargetPath(`${papers}/drafts/../refs.BIB`, dataDir)).toBe(path.join(papers, 'refs.BIB'))
  })

  it('refuses relative paths, other extensions, missing folders, NUL and the data folder', async () => {
    expect(await refused('refs.bib')).toMatch(/full path/)
    expect(await refused('../manuscript/refs.bib')).toMatch(/full path/)
    expect(await refused(path.join(papers, 'refs.txt'))).toMatch(/must end in \.bib/)
    expect(await refused(path.join(papers, '.bib'))).toMatch(/must end in \.bib/)
    expect(await refused(path.join(papers, 'missing', 'refs.bib'))).toMatch(/folder .*missing does not exist/)
    expect(await refused(`${papers}/refs\0.bib`)).toMatch(/not a file path/)
    expect(await refused('')).toMatch(/full path/)
    expect(await refused(42)).toMatch(/full path/)
    mkdirSync(path.join(dataDir, 'attachments'), { recursive: true })
    expect(await refused(path.join(dataDir, 'refs.bib'))).toMatch(/data folder/)
    expect(await refused(path.join(dataDir, 'attachments', 'refs.bib'))).toMatch(/data folder/)
    mkdirSync(path.join(papers, 'refs.bib'))
    expect(await refused(path.join(papers, 'refs.bib'))).toMatch(/is a folder/)
  })
})
