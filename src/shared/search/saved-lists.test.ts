// The saved index keeps its lists and phrase runs as varint bytes. These
// cases sit where such a coding loses entries if it is wrong: item numbers past
// 65,535 (and the byte sizes in between), a word every paper has, word codes
// past one and two bytes in the abstracts, and a saved index edited and saved again.
import { describe, expect, test } from 'vitest'
import type { Item } from '../model'
import { bareItem } from '../bare-item.test-support'
import { createSearchIndex, searchIndexInSteps, type IndexSnapshot, type SearchIndex } from './index'
import { RESTORE_STEP } from './postings'
import { ByteWriter, readAscending } from './varint'

const COUNT = 70_000
/** Item numbers where a difference between neighbours changes byte size (entries are item × 16 + field). */
const EDGES = [0, 7, 8, 9, 1023, 1024, 1025, 16383, 16384, 65535, 65536, 65537, COUNT - 1]
const id = (n: number) => `p${n}`

function paper(n: number, title = `every paper ${EDGES.includes(n) ? 'edge' : ''} t${n}`): Item {
  return bareItem(id(n), { type: 'article-journal', title, abstract: `the u${n} binds the receptor of u${n + 1}` })
}

const papers = Array.from({ length: COUNT }, (_, n) => paper(n))
const sorted = (ids: string[]) => [...ids].sort()

function fresh(): SearchIndex {
  const index = createSearchIndex()
  for (const p of papers) index.add(p)
  return index
}

/** Through the structured clone a save to IndexedDB or a worker's message makes. */
function reopened(snapshot: IndexSnapshot): SearchIndex {
  return createSearchIndex({ from: structuredClone(snapshot) })
}

describe(`a saved index of ${COUNT.toLocaleString('en')} papers`, () => {
  const built = fresh()
  const saved = reopened(built.snapshot())

  test('a word every paper holds finds every paper', () => {
    expect(saved.search('every').length).toBe(COUNT)
    expect(saved.search('paper every')).toEqual(built.search('paper every'))
  })

  test('papers numbered where the stored differences change size are all found', () => {
    expect(sorted(saved.search('edge'))).toEqual(sorted(EDGES.map(id)))
    for (const n of EDGES) expect(saved.search(`t${n} `), `t${n}`).toEqual([id(n)])
  })

  test('phrases in abstracts past 65,535 papers and past two-byte word codes', () => {
    for (const n of [0, 127, 128, 16383, 16384, 65535, 65536, COUNT - 1]) {
      expect(sorted(saved.search(`"binds the receptor of u${n + 1}"`)), `u${n + 1}`).toEqual([id(n)])
      expect(saved.search(`"the u${n} binds"`), `u${n}`).toEqual([id(n)])
      expect(saved.search(`"of u${n}"`)).toEqual(built.search(`"of u${n}"`))
    }
    expect(saved.search('"receptor u5"')).toEqual([])
    expect(sorted(saved.search('"receptor of u6553'))).toEqual(sorted(built.search('"receptor of u6553')))
    expect(saved.search('"receptor of u6553').length).toBe(11)
  })

  test('restored a step at a time, as the window does, it pauses often and answers as the whole restore', () => {
    const steps = searchIndexInSteps({ from: structuredClone(built.snapshot()) })
    let pauses = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) pauses++
    const inSteps = step.value
    // every word, run and paper once, a pause every RESTORE_STEP of them
    expect(pauses).toBeGreaterThanOrEqual((2 * COUNT + built.wordCount) / RESTORE_STEP - 3)
    expect(inSteps.size).toBe(COUNT)
    for (const query of ['every', 'edge', 't4095 ', 't4096 ', 't65536 ', `t${COUNT - 1} `, '"the u4096 binds"', '"of u6553', 'year:2020']) {
      expect(inSteps.search(query), query).toEqual(saved.search(query))
    }
    const renamed = paper(4096, 'renamed')
    inSteps.update(renamed)
    expect(inSteps.search('renamed')).toEqual([id(4096)])
    expect(inSteps.search('t4096 ')).toEqual([])
  })

  test('edited, saved again and reopened, it answers as a fresh build', () => {
    const edited = reopened(built.snapshot())
    const changed = [3, 65536, 65540]
    for (const n of changed) {
      const p = paper(n, `renamed every t${n}`)
      papers[n] = p
      edited.update(p)
    }
    edited.remove(id(16384))
    papers.splice(16384, 1)
    const again = reopened(edited.snapshot())
    const expected = fresh()
    for (const query of ['every', 'edge', 'renamed', 't65536 ', '"the u65536 binds"', '"of u16385"', 'u1638', 't655']) {
      expect(sorted(again.search(query)), query).toEqual(sorted(expected.search(query)))
    }
    expect(again.search('every').length).toBe(COUNT - 1)
  })
})

test('ascending lists survive their differences at every byte size, up to the largest entry', () => {
  const values = [0, 127, 255, 16383 + 255, 16384 * 2 + 255, 2 ** 21 * 3, 2 ** 28 * 5 + 1, 2 ** 32 - 2, 2 ** 32 - 1]
  const writer = new ByteWriter(4)
  values.forEach((v, i) => writer.write(v - (values[i - 1] ?? 0)))
  const bytes = writer.done()
  const read = new Uint32Array(bytes.length + 1)
  expect([...read.subarray(1, readAscending(bytes, 0, bytes.length, read, 1))]).toEqual(values)
  expect(() => writer.write(2 ** 32)).toThrow('Cannot store')
})
