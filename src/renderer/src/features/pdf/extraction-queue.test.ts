// Full text of a PDF attached on another computer: read before its bytes are
// here, it is "Text not readable"; once the bytes are fetched from the sync
// server it is read again. A PDF that wants a password still waits for one.
import { afterEach, describe, expect, it } from 'vitest'
import type { NeurorefApi } from '@shared/contract'
import { addRecordsToLibrary } from '../../library/add-paper'
import { attachStoredFile } from '../../library/attachments'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { ExtractionQueue } from './extraction-queue'

const HASH = 'a'.repeat(64)
const LOCKED = 'b'.repeat(64)
const dbs: NeurorefDb[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

/** main's attachment store: the bytes of `here` only; LOCKED wants a password */
function fakeMain(here: Set<string>): Pick<NeurorefApi, 'attachments.extractText'> {
  return {
    'attachments.extractText': async ({ hash }) => {
      if (!here.has(hash)) return { ok: false, error: { code: 'NOT_FOUND', message: 'The PDF file is missing from the library folder.' } }
      if (hash === LOCKED) return { ok: false, error: { code: 'PASSWORD_REQUIRED', message: 'This PDF is protected by a password.' } }
      return { ok: true, value: { pages: ['Oxytocin and social fear\n'], pageCount: 1, hasTextLayer: true, metadata: {} } }
    }
  }
}

describe('extraction queue and PDFs fetched from the sync server', () => {
  it('reads again a PDF it could not read before its bytes arrived', async () => {
    const db = openLibrary(`extraction-${Math.random()}`)
    dbs.push(db)
    const [{ item }] = await addRecordsToLibrary(db, [{ csl: { type: 'article-journal', title: 'Oxytocin and social fear' }, sources: ['manual'] }])
    const { record } = await attachStoredFile(db, item.id, { hash: HASH, size: 1000, fileName: 'fear.pdf', existed: false })
    const { record: locked } = await attachStoredFile(db, item.id, { hash: LOCKED, size: 1000, fileName: 'locked.pdf', existed: false })
    const here = new Set<string>([LOCKED])
    const queue = new ExtractionQueue(db, fakeMain(here))

    await queue.addMissing()
    expect(queue.problems.get(record.id)?.code).toBe('NOT_FOUND')
    expect(queue.problems.get(locked.id)?.code).toBe('PASSWORD_REQUIRED')
    expect(await db.fullTexts.get(record.id)).toBeUndefined()

    here.add(HASH)
    await queue.fileArrived(HASH)
    await queue.fileArrived(LOCKED)
    expect(queue.problems.has(record.id)).toBe(false)
    expect((await db.fullTexts.get(record.id))?.pages).toEqual(['Oxytocin and social fear\n'])
    expect(queue.problems.get(locked.id)?.code).toBe('PASSWORD_REQUIRED')
  })
})
