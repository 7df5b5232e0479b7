// Every paper of every bibliography fixture reaches the window from the reader
// worker as it was worked out there: the JSON hand-over loses nothing.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { toItem } from '../../library/add-paper'
import { itemsFromWire, itemsToWire } from './items-wire'
import { loadPeptideTagger } from '../../library/peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const fixtures = path.join(import.meta.dirname, '../../../../../e2e/fixtures')
const files = ['bibtex', 'ris', 'other', 'csl'].flatMap(folder => readdirSync(path.join(fixtures, folder)).map(name => path.join(fixtures, folder, name)))

it('hands over the papers of every bibliography fixture unchanged', () => {
  let papers = 0
  for (const file of files) {
    let read
    try {
      read = readBibliographyFile(new Uint8Array(readFileSync(file)), path.basename(file))
    } catch {
      continue // not a bibliography (a PDF, a style): "Import file" refuses it before any hand-over
    }
    const items = read.records.map(record => toItem(record, 1_000))
    expect(itemsFromWire(itemsToWire(items)), file).toEqual(items)
    papers += items.length
  }
  expect(papers).toBeGreaterThan(250)
})
