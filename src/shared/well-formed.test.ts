import { describe, expect, it } from 'vitest'
import { wellFormed } from './well-formed'

describe('wellFormed', () => {
  it('says whether UTF-8 holds the text exactly: a lone surrogate it cannot', () => {
    for (const text of ['', 'oxytocin', 'μ-opioid Łódź', 'emoji 😀 pair'])
      expect([text, wellFormed(text)]).toEqual([text, new TextDecoder().decode(new TextEncoder().encode(text)) === text])
    for (const text of ['\ud800', 'a\udc00b', 'end \ud83d', '\ude00 start']) {
      expect(wellFormed(text)).toBe(false)
      expect(new TextDecoder().decode(new TextEncoder().encode(text))).not.toBe(text)
    }
  })
})
