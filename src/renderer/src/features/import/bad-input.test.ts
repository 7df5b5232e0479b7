// Every "import-file" case of the bad-input corpus (e2e/support/bad-input-corpus.ts),
// through the same steps as Import file: the parse step (inline here, in a worker
// in the app), the library writes (fake-indexeddb), and the message shown.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { BAD_INPUTS, badInputPath } from '../../../../../e2e/support/bad-input-corpus'
import { DuplicateFinder } from '@shared/duplicates'
import { importRecords } from '../../library/import-file'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { importBibliographyFile } from './import-files'

let db: NeurorefDb
afterEach(() => db?.delete())

// one paper already in the library: a bad file must leave it, and add only what it says
const EXISTING = { csl: { type: 'article-journal', title: 'Oxytocin receptors in the amygdala' }, sources: ['file' as const] }

describe('the bad-input corpus, imported as a file', () => {
  it.each(BAD_INPUTS.filter(input => input.kind === 'import-file').map(input => [`${input.file}: ${input.what}`, input] as const))(
    '%s',
    async (_, input) => {
      db = openLibrary(`bad-${Math.random()}`)
      await importRecords(db, [EXISTING], new DuplicateFinder())
      const bytes = new Uint8Array(readFileSync(badInputPath(input)))
      const started = performance.now()

      const store = { settled: async () => undefined, finder: new DuplicateFinder(await db.items.toArray()) }
      const message = await importBibliographyFile({ db, store }, { name: input.file, bytes })

      const seconds = (performance.now() - started) / 1000
      expect(seconds, 'a guard against hangs, not a benchmark').toBeLessThan(input.seconds)
      expect([message.text, ...(message.details ?? [])].join('\n')).toContain(input.told)
      expect(await db.items.count()).toBe(1 + input.added)
      expect(message.kind).toBe(input.added ? 'info' : 'error')
    },
    120_000
  )
})
