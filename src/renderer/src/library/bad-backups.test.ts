// Every "restore-backup" case of the bad-input corpus (e2e/support/bad-input-corpus.ts):
// the check Restore library runs before writing anything, on backups of
// lines (read as a stream) and of version 1 (one JSON object). The researcher is
// told the sentence, and the library (one paper) is exactly as it was.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { BAD_INPUTS, badInputPath } from '../../../../e2e/support/bad-input-corpus'
import { DuplicateFinder } from '@shared/duplicates'
import { importRecords } from './import-file'
import { openLibrary, type NeurorefDb } from './schema'
import { checkBackupFile, restoreCheckedBackup } from './backup'

let db: NeurorefDb
afterEach(() => db?.delete())

const EXISTING = { csl: { type: 'article-journal', title: 'Oxytocin receptors in the amygdala' }, sources: ['file' as const] }

describe('the bad-input corpus, restored as a library backup', () => {
  it.each(BAD_INPUTS.filter(input => input.kind === 'restore-backup').map(input => [`${input.file}: ${input.what}`, input] as const))(
    '%s',
    async (_, input) => {
      db = openLibrary(`bad-backup-${Math.random()}`)
      await importRecords(db, [EXISTING], new DuplicateFinder())
      const before = await db.items.toArray()
      const started = performance.now()

      let told = ''
      try {
        const file = new Blob([readFileSync(badInputPath(input))])
        await restoreCheckedBackup(db, file, await checkBackupFile(file, input.file))
      } catch (error) {
        told = (error as Error).message
      }

      expect((performance.now() - started) / 1000, 'a guard against hangs, not a benchmark').toBeLessThan(input.seconds)
      expect(told).toContain(input.told)
      expect(await db.items.toArray()).toEqual(before)
    }
  )
})
