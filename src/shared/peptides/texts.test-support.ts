// Texts the tagger's tests read: the labelled records, every fixture file, and
// generated text full of synonyms, Greek, accents, brackets, markup and
// characters outside the BMP.
import fs from 'node:fs'
import path from 'node:path'
import type { ReferenceRecord } from '../model'
import type { PeptideVocab } from './vocab'
import { plainText } from './words'

const root = path.join(import.meta.dirname, '../../..')

/** A record of labelled-set.json: where it comes from, what it holds, and the peptides a reader found in it. */
export interface LabelledItem {
  file: string
  id: string
  kind: string
  title?: string
  abstract?: string
  keywords?: string[]
  mesh?: { descriptor: string; ui?: string }[]
  chemicals?: { name: string; ui?: string }[]
  expected: string[]
}

export const labelledItems = (): LabelledItem[] =>
  (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'labelled-set.json'), 'utf8')) as { items: LabelledItem[] }).items

/** A labelled item as the record the tagger reads. */
export const labelledRecord = (it: LabelledItem): ReferenceRecord => ({
  csl: { type: 'article-journal', title: it.title, abstract: it.abstract },
  keywords: it.keywords,
  mesh: it.mesh?.map(m => ({ descriptor: m.descriptor, ui: m.ui, majorTopic: false, qualifiers: [] })),
  chemicals: it.chemicals,
  sources: ['pubmed']
})

/** The text of every fixture file (not PDFs, Word files or archives), by its path under e2e/fixtures. */
export function fixtureTexts(): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = []
  const fixtures = path.join(root, 'e2e/fixtures')
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (!/\.(pdf|docx|zip|gz)$/i.test(entry.name)) texts.push({ name: path.relative(fixtures, file), text: plainText(fs.readFileSync(file, 'utf8')) })
    }
  }
  walk(fixtures)
  return texts.sort((a, b) => (a.name < b.name ? -1 : 1))
}

/** A random number below `n`, from a seed: the same numbers on every run. */
export function seeded(seed: number): (n: number) => number {
  let state = seed
  return n => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state % n
  }
}

/** Text of synonyms (in their case, upper case and lower case, plural), joiners, and the characters the splitter treats apart. */
export function generatedText(vocab: PeptideVocab, seed: number, words: number): string {
  const random = seeded(seed)
  const synonyms = vocab.entries.flatMap(e => e.synonyms)
  const plain = ['the', 'of', 'receptor', 'neurons', 'and', 'in', 'P', 'A', '1', 'converting', 'enzyme', 'Miñarro', 'naïve', 'Straße', '𝛼', 'µM', 'ﬁbre']
  const joiners = [
    ' ',
    ' ',
    ' ',
    '-',
    ', ',
    '. ',
    ' (',
    ') ',
    '; ',
    ': ',
    '\u00a0',
    '\u2003',
    '\n',
    '/',
    ' [',
    '] ',
    '(',
    '!',
    ' – ',
    '\ud835',
    ' \u0301',
    '𝟘',
    '\t'
  ]
  const parts: string[] = []
  for (let n = 0; n < words; n++) {
    let word = random(3) === 0 ? synonyms[random(synonyms.length)] : plain[random(plain.length)]
    const writing = random(14)
    if (writing === 0) word = word.toUpperCase()
    else if (writing === 1) word = word.toLowerCase()
    if (random(9) === 0) word += 's'
    parts.push(word, joiners[random(joiners.length)])
  }
  return parts.join('')
}
