import { expect, test } from 'vitest'
import { AddedEntries } from './added-entries'

const entriesOf = (added: AddedEntries, word: number) => {
  const into = new Uint32Array(added.countOf(word) + 1)
  return [...into.subarray(1, added.readInto(word, into, 1))]
}

test("each word's entries come back in the order added, also when added between two reads and after growing", () => {
  const added = new AddedEntries()
  const expected = new Map<number, number[]>()
  for (let n = 0; n < 20_000; n++) {
    const word = (n * 7919) % 3001
    added.add(word, n)
    expected.set(word, [...(expected.get(word) ?? []), n])
    if (n % 4999 === 0) expect(entriesOf(added, word)).toEqual(expected.get(word))
  }
  for (const [word, entries] of expected) expect(entriesOf(added, word)).toEqual(entries)
  expect(added.lastOf(5)).toBe(expected.get(5)!.at(-1))
  expect(entriesOf(added, 5000)).toEqual([])
  expect(added.lastOf(5000)).toBe(-1)
  added.clear()
  expect(entriesOf(added, 5)).toEqual([])
  expect(added.lastOf(5)).toBe(-1)
})
