import { describe, expect, it } from 'vitest'
import { count } from './limits'

describe('count', () => {
  it('writes lengths with commas between thousands, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 16_000_000, 123_456_789, 2 ** 31]) {
      expect(count(n)).toBe(n.toLocaleString('en-US'))
    }
    expect(count(1_234_567.6)).toBe('1,234,568')
  })

  it('calls a length that overflowed countless', () => {
    expect(count(Infinity)).toBe('countless')
  })
})
