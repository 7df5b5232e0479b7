// A journal's or first author's sort key is its folded text, whichever paper
// asks for it first.
import { describe, expect, it } from 'vitest'
import { foldText } from '@shared/text'
import { foldedOnce } from './folded-once'

describe('a sort key many papers share', () => {
  it('is the folded text, for the same text read again as for the first', () => {
    for (const text of ['The Journal of Neuroscience', 'Psychoneuroendocrinology', 'Miñarro et al.', '<i>Peptides</i>', '']) {
      const journal = [...text].join('') // a string of its own, as each paper's was
      expect(foldedOnce(journal)).toBe(foldText(text))
      expect(foldedOnce(journal)).toBe(foldedOnce(text))
    }
    expect(foldedOnce('Dvořák et al.')).toBe('dvorak et al.')
  })
})
