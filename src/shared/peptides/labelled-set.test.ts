// Precision and recall of the peptide tags on every record in the fixtures,
// against labels assigned by reading each text (labelled-set.json).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPeptideMatcher } from './match'
import { labelledItems, labelledRecord } from './texts.test-support'
import { parsePeptideVocab } from './vocab'

const here = import.meta.dirname
const fixtures = path.join(here, '../../../e2e/fixtures')
const vocab = parsePeptideVocab(JSON.parse(fs.readFileSync(path.join(here, '../../../resources/vocab/neuropeptides.json'), 'utf8')))
const items = labelledItems()

describe('the labelled set', () => {
  it('holds at least 60 items, each from a fixture file that names it', () => {
    expect(items.length).toBeGreaterThanOrEqual(60)
    for (const it of items) {
      const file = path.join(fixtures, it.file)
      expect(fs.existsSync(file), it.file).toBe(true)
      // PDFs keep their text compressed; every other file names its PMID or DOI in plain text
      const number = /(?:PMID|DOI):(\S+)$/.exec(it.id)?.[1]
      if (!number || it.file.endsWith('.pdf')) continue
      const text = fs.readFileSync(file, 'utf8').replaceAll('\\/', '/').toLowerCase() // JSON may write "/" as "\/"
      expect(text.includes(number.toLowerCase()), `${it.file} names ${it.id}`).toBe(true)
    }
  })

  it('gets micro precision and recall of at least 0.95', () => {
    const matcher = createPeptideMatcher(vocab)
    let truePositives = 0
    let falsePositives = 0
    let falseNegatives = 0
    const mistakes: string[] = []
    for (const it of items) {
      const got = new Set(matcher.tag(labelledRecord(it)).map(t => t.peptide))
      const want = new Set(it.expected)
      for (const p of got) {
        if (want.has(p)) truePositives++
        else {
          falsePositives++
          mistakes.push(`extra ${p}: ${it.file} ${it.id}`)
        }
      }
      for (const p of want) {
        if (got.has(p)) continue
        falseNegatives++
        mistakes.push(`missed ${p}: ${it.file} ${it.id}`)
      }
    }
    const precision = truePositives / (truePositives + falsePositives)
    const recall = truePositives / (truePositives + falseNegatives)
    const labelled = items.filter(it => it.expected.length > 0).length
    console.log(
      `peptide tags on ${items.length} labelled items (${labelled} with peptides, ${truePositives + falseNegatives} expected tags): ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (mistakes.length ? `\n  ${mistakes.join('\n  ')}` : '')
    )
    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.95)
  })
})
