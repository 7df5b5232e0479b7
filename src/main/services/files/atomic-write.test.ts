// The atomic write on a real temp folder: the new bytes arrive whole, a
// failure leaves the old file and no temp file, and both the file and its
// folder are flushed to the disk before the call returns.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ATOMIC_TEMP_RE, writeFileAtomically, writeNewFileAtomically, type AtomicWriteFs, type NewFileFs } from './atomic-write'

let folder: string
beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'neuroref-atomic-'))))
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** The real file system, recording which paths were flushed with fsync. */
function recordingFs(synced: string[], failRename = false): AtomicWriteFs {
  return {
    ...fsp,
    open: (async (file: string, flags: string, mode?: number) => {
      const handle = await fsp.open(file, flags, mode)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        await sync()
        synced.push(file)
      }
      return handle
    }) as typeof fsp.open,
    rename: (async (from: string, to: string) => {
      if (failRename) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
      return fsp.rename(from, to)
    }) as typeof fsp.rename
  }
}

describe('writeFileAtomically', () => {
  it('replaces the file with the new text, flushing the file and then its folder, and leaves no temp file', async () => {
    const file = path.join(folder, 'refs.bib')
    writeFileSync(file, 'old')
    const synced: string[] = []
    await writeFileAtomically(file, '@article{a}\n', recordingFs(synced))
    expect(readFileSync(file, 'utf8')).toBe('@article{a}\n')
    expect(readdirSync(folder)).toEqual(['refs.bib'])
    expect(synced).toHaveLength(2)
    expect(path.dirname(synced[0])).toBe(folder)
    expect(path.basename(synced[0])).toMatch(ATOMIC_TEMP_RE)
    expect(synced[1]).toBe(folder)
  })

  it('writes bytes as they are', async () => {
    const file = path.join(folder, 'a.pdf')
    await writeFileAtomically(file, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255]))
    expect([...readFileSync(file)]).toEqual([0x25, 0x50, 0x44, 0x46, 0, 255])
  })

  it('a failed rename keeps the old file and removes the temp file', async () => {
    const file = path.join(folder, 'refs.bib')
    writeFileSync(file, 'old')
    await expect(writeFileAtomically(file, 'new', recordingFs([], true))).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(readFileSync(file, 'utf8')).toBe('old')
    expect(readdirSync(folder)).toEqual(['refs.bib'])
  })

  it('fails when the folder is gone, creating nothing', async () => {
    await expect(writeFileAtomically(path.join(folder, 'gone', 'refs.bib'), 'x')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(readdirSync(folder)).toEqual([])
  })
})

/** A file system without hard links (a FAT USB stick): link fails as Linux says for vfat. */
const noHardLinks: NewFileFs = {
  ...fsp,
  link: (async () => {
    throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' })
  }) as typeof fsp.link
}

describe('writeNewFileAtomically', () => {
  it('writes a new file, flushed, and leaves no temp file', async () => {
    const file = path.join(folder, 'Draft (APA).docx')
    const synced: string[] = []
    await writeNewFileAtomically(file, new Uint8Array([0x50, 0x4b, 3, 4]), { ...recordingFs(synced), link: fsp.link, copyFile: fsp.copyFile })
    expect([...readFileSync(file)]).toEqual([0x50, 0x4b, 3, 4])
    expect(readdirSync(folder)).toEqual(['Draft (APA).docx'])
    expect(synced.at(-1)).toBe(folder)
  })

  for (const [how, fs] of [
    ['with hard links', fsp],
    ['without hard links', noHardLinks]
  ] as const) {
    it(`never replaces a file that is there (${how}): EEXIST, the file as it was, no temp file`, async () => {
      const file = path.join(folder, 'Draft (APA).docx')
      writeFileSync(file, 'the researcher’s')
      await expect(writeNewFileAtomically(file, 'new', fs)).rejects.toMatchObject({ code: 'EEXIST' })
      expect(readFileSync(file, 'utf8')).toBe('the researcher’s')
      expect(readdirSync(folder)).toEqual(['Draft (APA).docx'])
    })
  }

  it('writes through an exclusive copy where hard links do not exist', async () => {
    const file = path.join(folder, 'Draft (APA).docx')
    await writeNewFileAtomically(file, 'copied', noHardLinks)
    expect(readFileSync(file, 'utf8')).toBe('copied')
    expect(readdirSync(folder)).toEqual(['Draft (APA).docx'])
  })
})
