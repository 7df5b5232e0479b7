// The title guess for a PDF whose DOI is unknown: the largest text on page 1,
// read from the real articles of e2e/fixtures/pdf/articles/ (SOURCES.md).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPdfText, largestTextOf } from './extract-text'

const ARTICLES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pdf/articles')
const read = async (name: string) => new Uint8Array(await readFile(path.join(ARTICLES, name)))

describe('largest text on page 1', () => {
  it('is the article title for real articles', async () => {
    for (const [file, title] of [
      // The Cambridge PDF's Title metadata is a useless internal id (ipg1300180a): page 1 has the real title.
      ['cambridge_intpsychogeriatr_2014_S1041610213001804.pdf', 'Stressful life events are not associated with the development of dementia'],
      ['hindawi_rrp_2010_157939.pdf', 'Research Article Patient Experiences of Structured Heart Failure Programmes'],
      ['acm_icse2024_10.1145_3597503.3639130.pdf', 'Recovering Trace Links Between Software Documentation And Code']
    ] as const) {
      const text = await extractPdfText(await read(file), { maxPages: 1 })
      expect(text.largestText).toBe(title)
    }
  })

  it('skips a large drop cap and an empty page', () => {
    const parts = [
      { str: 'T', height: 40 },
      { str: 'Oxytocin and social memory', height: 18 },
      { str: 'in voles', height: 18 },
      { str: 'Body text', height: 9 }
    ]
    expect(largestTextOf(parts)).toBe('Oxytocin and social memory in voles')
    expect(largestTextOf([])).toBeUndefined()
    expect(largestTextOf([{ str: '  ', height: 12 }])).toBeUndefined()
  })
})
