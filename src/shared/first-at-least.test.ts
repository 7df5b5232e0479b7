import { expect, it } from 'vitest'
import { firstAtLeast } from './first-at-least'

it('finds where a value goes in an ascending list: before the first equal or greater value, or at the end', () => {
  const sorted = [2, 3, 3, 3, 7, 9]
  const place = (value: number) => firstAtLeast(sorted.length, i => sorted[i] < value)
  expect([1, 2, 3, 4, 7, 8, 9, 10].map(place)).toEqual([0, 0, 1, 4, 4, 5, 5, 6])
  expect(firstAtLeast(0, () => true)).toBe(0)
})

it('agrees with a walk from the start on random sorted lists', () => {
  for (let n = 0; n < 200; n++) {
    const sorted = Array.from({ length: n % 37 }, () => Math.floor(Math.random() * 20)).sort((a, b) => a - b)
    const value = Math.floor(Math.random() * 22) - 1
    const walked = sorted.findIndex(x => x >= value)
    expect(firstAtLeast(sorted.length, i => sorted[i] < value)).toBe(walked === -1 ? sorted.length : walked)
  }
})
