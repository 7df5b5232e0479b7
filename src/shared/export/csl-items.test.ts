import { describe, expect, it } from 'vitest'
import type { Item } from '../model'
import { exportCslJson } from './csl-items'
// The seed paper is shared with the other export tests.
import { seedPaper as seed } from './seed-paper.test-support'

describe('exportCslJson', () => {
  const libraryItem: Item = {
    ...seed,
    id: 'item-1',
    titleWords: ['oxytocin'],
    tags: ['to read'],
    collectionIds: ['c1'],
    addedAt: 1,
    modifiedAt: 2,
    mesh: [{ descriptor: 'Oxytocin', majorTopic: true, qualifiers: [] }],
    abstractSections: [
      { label: 'BACKGROUND', text: 'Stress.' },
      { label: 'RESULTS', text: 'Oxytocin helped.' }
    ],
    // doi.org sends the journal as a list; citation-js leaves a _graph behind
    csl: { ...seed.csl, 'container-title': ['International Journal of Molecular Sciences'] as unknown as string, _graph: [{ type: '@else' }] }
  }

  it('writes the CSL fields with the key as id, identifiers and keywords, and nothing of the library', () => {
    const [record] = JSON.parse(exportCslJson([libraryItem])) as Record<string, unknown>[]
    expect(record.id).toBe('ferrerperez2021oxytocin')
    expect(record['citation-key']).toBe('ferrerperez2021oxytocin')
    expect(record.type).toBe('article-journal')
    expect(record.title).toBe(seed.csl.title)
    expect(record['container-title']).toBe('International Journal of Molecular Sciences')
    expect(record.author).toEqual(seed.csl.author)
    expect(record.issued).toEqual({ 'date-parts': [[2021, 3, 1]] })
    expect(record.DOI).toBe('10.3390/ijms22052372')
    expect(record.PMID).toBe('33673448')
    expect(record.PMCID).toBe('PMC7956822')
    expect(record.keyword).toBe('cocaine, conditioned place preference, oxytocin, social defeat')
    expect(record.abstract).toBe('BACKGROUND: Stress.\n\nRESULTS: Oxytocin helped.')
    for (const field of ['tags', 'collectionIds', 'titleWords', 'addedAt', 'modifiedAt', 'mesh', 'sources', '_graph', 'pmid']) {
      expect(record).not.toHaveProperty(field)
    }
  })
})
