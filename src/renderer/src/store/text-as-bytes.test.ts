// A long text sent as bytes comes back the same, whichever characters a step's end cuts.
import { describe, expect, it } from 'vitest'
import { atOnce } from '@shared/work-in-steps'
import { asBytes, textInSteps } from './text-as-bytes'

const again = (text: string, stepBytes?: number) => atOnce(textInSteps(structuredClone(asBytes(text)), stepBytes))

describe('a text sent as bytes', () => {
  it('comes back the same, characters of two to four bytes cut at any step', () => {
    const text = ['alpha', 'Δοκιμή', 'naïve', '神经', '🧠x', '\ufeffstart', ''].join('\0').repeat(5)
    for (const step of [1, 2, 3, 5, 7, 64, 1 << 20]) expect(again(text, step)).toBe(text)
    expect(again('')).toBe('')
  })

  it('is sent as itself when UTF-8 would change it (a lone surrogate)', () => {
    for (const text of ['a\ud800b', 'a\udc00', '\ud800']) {
      expect(asBytes(text)).toBe(text)
      expect(again(text)).toBe(text)
    }
    expect(asBytes('a\ud83e\udde0b')).not.toBe('a\ud83e\udde0b')
  })
})
