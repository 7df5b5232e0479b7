// Finding the library of an earlier (file://) Neuroref in a real folder laid
// out as Chromium lays out userData.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { APP_ORIGIN_FOLDER, EARLIER_ORIGIN_FOLDER, planEarlierLibrary, readChoice, recordEarlierLibraryChoice } from './earlier-library'

const made: string[] = []
function userData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'neuroref-userdata-'))
  made.push(dir)
  return dir
}
afterEach(() => made.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true })))

/** A LevelDB folder as Chromium leaves it: CURRENT, LOCK, LOG, a manifest and a log with data. */
function leveldb(dir: string, folder: string, dataBytes: number): string {
  const path = join(dir, 'IndexedDB', folder)
  mkdirSync(path, { recursive: true })
  writeFileSync(join(path, 'CURRENT'), 'MANIFEST-000001\n')
  writeFileSync(join(path, 'LOCK'), '')
  writeFileSync(join(path, 'LOG'), '2026/01/01-00:00:00.000 1 Recovering log #3\n')
  writeFileSync(join(path, 'MANIFEST-000001'), Buffer.alloc(50))
  writeFileSync(join(path, '000003.log'), Buffer.alloc(dataBytes, 7))
  return path
}

describe('the earlier file:// library', () => {
  it('is offered when its folder holds data, and says whether the new library exists too', async () => {
    const dir = userData()
    const folder = leveldb(dir, EARLIER_ORIGIN_FOLDER, 200_000)
    const plan = await planEarlierLibrary(dir)
    expect(plan).toMatchObject({ action: 'ask', folder, newLibraryExists: false })
    expect(plan.action === 'ask' && plan.bytes).toBeGreaterThan(200_000)
    leveldb(dir, APP_ORIGIN_FOLDER, 10)
    expect(await planEarlierLibrary(dir)).toMatchObject({ action: 'ask', newLibraryExists: true })
  })

  it('is not offered on a first start, nor when Chromium only made an empty store', async () => {
    const dir = userData()
    expect(await planEarlierLibrary(dir)).toEqual({ action: 'nothing', why: 'no earlier library' })
    leveldb(dir, EARLIER_ORIGIN_FOLDER, 0)
    expect(await planEarlierLibrary(dir)).toEqual({ action: 'nothing', why: 'no earlier library' })
  })

  it('is offered once: the answer is remembered, and the earlier folder is never touched', async () => {
    const dir = userData()
    const folder = leveldb(dir, EARLIER_ORIGIN_FOLDER, 100_000)
    const before = readFileSync(join(folder, '000003.log'))
    await recordEarlierLibraryChoice(dir, 'moved', new Date('2026-12-04T00:00:00Z'))
    expect(await readChoice(dir)).toBe('moved')
    expect(await planEarlierLibrary(dir)).toEqual({ action: 'nothing', why: 'already handled' })
    expect(readFileSync(join(folder, '000003.log'))).toEqual(before)
    expect(existsSync(join(dir, 'earlier-library.json.tmp'))).toBe(false)
  })

  it('asks again when the remembered answer is unreadable rather than guessing', async () => {
    const dir = userData()
    leveldb(dir, EARLIER_ORIGIN_FOLDER, 100_000)
    writeFileSync(join(dir, 'earlier-library.json'), '{"choice": "mov')
    expect(await readChoice(dir)).toBeNull()
    expect((await planEarlierLibrary(dir)).action).toBe('ask')
  })
})
