import { describe, expect, it } from 'vitest'
import { newPaperId } from './paper-id'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('a new paper id', () => {
  it('is a version 7 UUID that starts with the time it was made', () => {
    const id = newPaperId(Date.UTC(2030, 0, 1))
    expect(id).toMatch(UUID_V7)
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1))
  })

  it('sorts after every id made before it, also thousands in one millisecond and after the clock went back', () => {
    const at = Date.UTC(2031, 5, 1)
    const ids = [
      ...Array.from({ length: 10_000 }, () => newPaperId(at)),
      ...Array.from({ length: 10 }, (_, n) => newPaperId(at + n)),
      newPaperId(at - 60_000),
      newPaperId(at + 3)
    ]
    expect(ids.every(id => UUID_V7.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    // as IndexedDB orders keys
    expect(ids.slice(1).every((id, n) => indexedDB.cmp(ids[n], id) < 0)).toBe(true)
  })

  it('draws fresh random bits for every id, past each refill of the random bytes it draws them from', () => {
    // the random part: after "xxxxxxxx-xxxx-7xxx"; 2,000 ids go through several refills of 512
    const tails = Array.from({ length: 2_000 }, () => newPaperId(Date.UTC(2032, 0, 1)).slice(18))
    expect(new Set(tails).size).toBe(tails.length)
  })
})
