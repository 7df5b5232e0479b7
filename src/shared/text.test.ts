// The title words of ASCII text are read with a plain pattern; they must be the words the Unicode reading finds.
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readBibliographyFile } from './import'
import { wordsOf } from './text'

/** The titles of every BibTeX and RIS fixture, as imported (ASCII or not: those with other letters are read the Unicode way on both sides). */
function fixtureTitles(): string[] {
  return ['bibtex', 'bibtex/zotero', 'ris'].flatMap(dir =>
    readdirSync(`e2e/fixtures/${dir}`)
      .filter(file => /\.(bib|ris)$/.test(file))
      .flatMap(file => readBibliographyFile(new Uint8Array(readFileSync(`e2e/fixtures/${dir}/${file}`)), file).records)
      .flatMap(record => (typeof record.csl.title === 'string' ? [record.csl.title] : []))
  )
}

// "ø" is a letter of one character: it sends a text down the Unicode reading and is no word of its own (too short)
const unicodeReading = (text: string) => wordsOf(`${text} ø`)

describe('wordsOf', () => {
  it('finds in ASCII titles the words the Unicode reading finds', () => {
    const titles = fixtureTitles()
    expect(titles.length).toBeGreaterThan(100)
    for (const title of titles) expect(wordsOf(title)).toEqual(unicodeReading(title))
  })

  it('finds them in generated ASCII text with digits, capitals, markup and punctuation', () => {
    const pieces = [
      'Oxytocin',
      'NPY',
      'a',
      'I',
      'CRF1',
      '5-HT',
      "rat's",
      'x_y',
      '<i>in vivo</i>',
      '3.5',
      ' ',
      '  ',
      '\t',
      '-',
      '/',
      '(',
      ')',
      '~',
      '<',
      '>',
      '10'
    ]
    let seed = 13
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]).join(next() % 2 ? ' ' : '')
      expect(wordsOf(text)).toEqual(unicodeReading(text))
    }
  })

  it('reads accented and Greek titles as before', () => {
    expect(wordsOf('Miñarro: β-endorphin and the NPY–Y1 receptor')).toEqual(
      ['minarro', 'β', 'endorphin', 'and', 'the', 'npy', 'y1', 'receptor'].filter(w => w.length > 1)
    )
  })
})
