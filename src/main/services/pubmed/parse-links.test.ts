// Warning flags. No recorded reply has a retraction yet, so the rule itself is checked here;
// the corrected and preprint cases are checked on real records in parse-efetch.test.ts.
import { describe, expect, it } from 'vitest'
import { readFlags } from './parse-links'

describe('readFlags', () => {
  it('marks a paper retracted by a RetractionIn link or its publication type, in any case', () => {
    expect(readFlags([{ relation: 'RetractionIn', pmid: '1' }], ['Journal Article'])).toEqual(['retracted'])
    expect(readFlags([], ['RETRACTED PUBLICATION'])).toEqual(['retracted'])
  })
  it('does not mark the retraction notice or the erratum themselves', () => {
    expect(readFlags([{ relation: 'RetractionOf' }, { relation: 'ErratumFor' }], ['Retraction of Publication'])).toEqual([])
  })
  it('combines corrected, expression of concern and preprint', () => {
    expect(readFlags([{ relation: 'ErratumIn' }, { relation: 'ExpressionOfConcernIn' }], ['Preprint'])).toEqual([
      'corrected',
      'expression-of-concern',
      'preprint'
    ])
  })
})
