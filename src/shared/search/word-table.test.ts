import { expect, test } from 'vitest'
import { forEachWordOfFolded } from './tokens'
import { WordTable } from './word-table'

test('a table of 200,000 words finds each in its place, as a word or a stretch of a longer text, and nothing else', () => {
  const table = new WordTable()
  const words = Array.from({ length: 200_000 }, (_, n) => `w${n.toString(36)}`)
  const misplaced = words.filter((word, n) => table.findWord(word) !== -1 || table.add(word) !== n)
  expect(misplaced).toEqual([])
  expect(table.size).toBe(words.length)
  for (let n = 0; n < words.length; n += 997) {
    expect(table.findWord(words[n])).toBe(n)
    const text = `the ${words[n]} receptor`
    const places: number[] = []
    forEachWordOfFolded(
      text,
      (start, end, hash) => places.push(table.find(text, start, end, hash)),
      () => {}
    )
    expect(places).toEqual([-1, n, -1])
  }
  expect(table.findWord('w')).toBe(-1)
  expect(table.findWord('x0')).toBe(-1)
  table.clear()
  expect(table.findWord(words[0])).toBe(-1)
  expect(table.size).toBe(0)
})
