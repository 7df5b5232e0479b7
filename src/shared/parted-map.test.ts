// A parted map or set answers as one Map or Set would, whatever its keys end in (paper ids, or any other string).
import { describe, expect, it } from 'vitest'
import { PartedMap, PartedSet, partOfNumber } from './parted-map'

/** Pseudo-random numbers from a seed, so a failure can be run again. */
function randomFrom(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}

const KEYS = [
  ...Array.from({ length: 300 }, (_, n) => `0190a3b2-7c4d-7000-8000-${n.toString(16).padStart(12, '0')}`),
  ...['p1', 'P1', 'Zürich', 'paper 9', '', 'ünïcödé ✓', '😀']
]

describe('a parted map', () => {
  it('holds, finds, replaces and forgets keys as a Map does', () => {
    const random = randomFrom(13)
    const parted = new PartedMap<number>()
    const plain = new Map<string, number>()
    for (let step = 0; step < 5_000; step++) {
      const key = KEYS[Math.floor(random() * KEYS.length)]
      if (random() < 0.3) expect(parted.delete(key)).toBe(plain.delete(key))
      else {
        parted.set(key, step)
        plain.set(key, step)
      }
      expect(parted.size).toBe(plain.size)
      expect(parted.has(key)).toBe(plain.has(key))
      expect(parted.get(key)).toBe(plain.get(key))
    }
    expect([...parted.keys()].sort()).toEqual([...plain.keys()].sort())
  })

  it('keyed by numbers (hashes), parted by their last bits, answers as a Map does', () => {
    const random = randomFrom(29)
    const parted = new PartedMap<string, number>(partOfNumber)
    const plain = new Map<number, string>()
    for (let step = 0; step < 5_000; step++) {
      const key = Math.floor(random() * 2 ** 30) % 700
      if (random() < 0.3) expect(parted.delete(key)).toBe(plain.delete(key))
      else {
        parted.set(key, `paper ${step}`)
        plain.set(key, `paper ${step}`)
      }
      expect(parted.size).toBe(plain.size)
      expect(parted.get(key)).toBe(plain.get(key))
    }
    expect([...parted.keys()].sort((a, b) => a - b)).toEqual([...plain.keys()].sort((a, b) => a - b))
  })
})

describe('a parted set', () => {
  it('holds every key given once, and forgets those deleted', () => {
    const set = new PartedSet([...KEYS, ...KEYS])
    expect(set.size).toBe(KEYS.length)
    expect([...set].sort()).toEqual([...KEYS].sort())
    expect(set.delete('p1')).toBe(true)
    expect(set.delete('p1')).toBe(false)
    expect(set.has('p1')).toBe(false)
    expect(set.has('P1')).toBe(true)
    expect(set.add('p1').size).toBe(KEYS.length)
  })
})
