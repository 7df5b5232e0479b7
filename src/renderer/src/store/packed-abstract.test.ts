import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { parsePubmedArticleSet } from '../../../main/services/pubmed/parse-efetch'
import type { Item } from '@shared/model'
import { openLibrary } from '../library/schema'
import { packAbstract } from './packed-abstract'

// Zambianchi 2023: "μ-XRF" — a Greek letter, so V8 would keep the abstract two bytes a character.
const [record] = parsePubmedArticleSet(
  readFileSync(new URL('../../../../e2e/fixtures/pubmed/efetch/metapub_37167981_mu_and_italic_in_title.xml', import.meta.url), 'utf8')
)

function item(): Item {
  return { ...structuredClone(record), id: 'xrf', titleWords: [], tags: [], collectionIds: [], addedAt: 1, modifiedAt: 1 }
}

test('a packed abstract reads, spreads, serialises and saves as the full text', async () => {
  const original = item().csl.abstract!
  expect(original.length).toBeGreaterThan(256)
  const packed = packAbstract(item())
  expect(Object.getOwnPropertyDescriptor(packed.csl, 'abstract')?.get).toBeTypeOf('function')
  expect(packed.csl.abstract).toBe(original)
  expect({ ...packed.csl }.abstract).toBe(original)
  expect(JSON.parse(JSON.stringify(packed)).csl.abstract).toBe(original)
  expect(structuredClone(packed).csl.abstract).toBe(original)
  const db = openLibrary('test-' + Math.random())
  await db.items.put(packed)
  expect((await db.items.get('xrf'))?.csl.abstract).toBe(original)
  packed.csl.abstract = 'Edited.'
  expect(packed.csl.abstract).toBe('Edited.')
  expect(Object.keys(packed.csl)).toContain('abstract')
})
