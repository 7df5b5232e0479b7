// The "Add tag" suggestions: every manual tag name in use, once each, alphabetically, however many papers.
import { describe, expect, it } from 'vitest'
import type { ItemBasics } from '@shared/model'
import { atOnce } from '../../store/turns'
import { manualTagNames } from './manual-tag-names'

const paper = (tags: string[]) => ({ tags }) as unknown as ItemBasics

describe('manual tag names', () => {
  it('are every name in use, once, alphabetically, counted with pauses', () => {
    const papers = Array.from({ length: 5000 }, (_, n) => paper(n % 7 === 0 ? ['read later', `batch ${n % 3}`] : n % 5 === 0 ? ['Éclair', 'read later'] : []))
    papers.push(paper(['alpha']))
    const counting = manualTagNames(papers)
    let pauses = 0
    let step = counting.next()
    for (; !step.done; step = counting.next()) pauses++
    expect(step.value).toEqual(['alpha', 'batch 0', 'batch 1', 'batch 2', 'Éclair', 'read later'])
    expect(pauses).toBeGreaterThan(2)
    expect(atOnce(manualTagNames([]))).toEqual([])
  })
})
