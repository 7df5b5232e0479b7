import { describe, expect, it, vi } from 'vitest'
import { cslRecords } from '../export/csl-items'
import { formatCitations, type CitationToFormat } from './cite-engine'
import { testLibrary } from './manuscript.test-support'

// building a CSL engine for a large style (APA) takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const records = cslRecords(testLibrary())
// two papers by the same first author in the same year: author-date styles must tell them apart
records.push(
  { ...records[0], id: 'twin-a', title: 'First twin', DOI: undefined, PMID: undefined },
  { ...records[0], id: 'twin-b', title: 'Second twin', DOI: undefined, PMID: undefined }
)

const citations: CitationToFormat[] = Array.from({ length: 60 }, (_, i) => ({
  citationID: `c${i}`,
  noteIndex: 0,
  items: [
    {
      id: String(records[(i * 7) % records.length].id),
      locator: i % 5 === 0 ? String(i) : undefined,
      label: i % 5 === 0 ? 'page' : undefined,
      prefix: i % 9 === 0 ? 'see' : undefined
    },
    ...(i % 3 === 0 ? [{ id: String(records[(i * 7 + 3) % records.length].id), suppressAuthor: i % 6 === 0 }] : [])
  ]
}))

describe('formatting every citation of a manuscript', () => {
  it.each(['apa', 'vancouver-nlm', 'nature', 'ieee', 'elsevier-harvard', 'american-medical-association'])(
    '%s: the quick path (no position tracking) gives exactly what citeproc gives with full tracking',
    style => {
      const full = formatCitations(style, records, citations, undefined, 'full')
      const quick = formatCitations(style, records, citations)
      expect([...quick.citations.values()].map(c => c.text)).toEqual([...full.citations.values()].map(c => c.text))
      expect(quick.bibliography.map(entry => entry.text)).toEqual(full.bibliography.map(entry => entry.text))
    }
  )

  it('tells two papers of one author and year apart (2021a, 2021b)', () => {
    const out = formatCitations('apa', records, [{ citationID: 'x', noteIndex: 0, items: [{ id: 'twin-a' }, { id: 'twin-b' }] }])
    expect(out.citations.get('x')?.text).toBe('(Ferrer-Pérez et al., 2021a, 2021b)')
  })

  it('formats the same papers again from what it kept, and sees a paper that changed under the same id', () => {
    const cited: CitationToFormat[] = [{ citationID: 'x', noteIndex: 0, items: [{ id: String(records[1].id) }] }]
    const first = formatCitations('apa', records, cited)
    expect(formatCitations('apa', records, cited).bibliography.map(entry => entry.text)).toEqual(first.bibliography.map(entry => entry.text))
    const renamed = records.map(record => (record.id === records[1].id ? { ...record, title: 'A corrected title' } : record))
    const again = formatCitations('apa', renamed, cited)
    expect(again.bibliography).toHaveLength(1)
    expect(again.bibliography[0].text).toContain('A corrected title')
    expect(first.bibliography[0].text).not.toContain('A corrected title')
  })
})
