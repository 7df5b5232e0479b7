import { describe, expect, it } from 'vitest'
import { bareOrcid } from './parse-authors'

describe('bareOrcid', () => {
  it('reduces every spelling PubMed uses to the bare ORCID', () => {
    expect(bareOrcid('https://orcid.org/0000-0002-4590-7461')).toBe('0000-0002-4590-7461')
    expect(bareOrcid('http://orcid.org/0000-0001-5806-251x')).toBe('0000-0001-5806-251X')
    expect(bareOrcid('0000000170936988')).toBe('0000-0001-7093-6988')
    expect(bareOrcid('not an orcid')).toBeUndefined()
  })
})
