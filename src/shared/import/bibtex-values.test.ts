// The fast BibTeX reading must give exactly what citation-js's own reading
// gives: on every real fixture, and on values chosen to sit on the edges of
// the fast path (ligatures, lists, URLs, numbers, odd white space).
import { readFileSync, readdirSync } from 'node:fs'
import { plugins } from '@citation-js/core'
import { describe, expect, it } from 'vitest'
import { splitBibtexBlocks } from './bibtex-blocks'
import { ExpansionBudget, expandEntry } from './bibtex-expand'
import { Macros } from './bibtex-macros'
import { parse as readLatexValue } from '@citation-js/plugin-bibtex/lib/input/value.js'
import { entriesToCsl, readValue, type RawEntry } from './bibtex-values'
import { decodeBibliography } from './decode'

const DIR = 'e2e/fixtures/bibtex'
const FIXTURES = ['', 'encoding/', 'zotero/'].flatMap(sub =>
  readdirSync(`${DIR}/${sub}`)
    .filter(file => file.endsWith('.bib'))
    .map(file => sub + file)
)

/** Entries that sit on the edges of the fast path, each against citation-js's reading. */
const EDGES = String.raw`
@article{ligatures, title = {Oxytocin---and vasopressin--in ''social'' \`\`memory''}, pages = {12--19}}
@article{spaces, title = "Orexin	and
   sleep  ", abstract = {a${'\u00a0'}b${'\u2003'}c   d
e}, note = { lead and trail }}
@article{lists, publisher = {Elsevier and Springer}, location = {Berlin}, institution = {A and{B}}, language = {english}}
@article{separated, keywords = {oxytocin, vasopressin,  CRF ,}, options = {a=b, c}}
@article{uris, url = {https://example.org/a b?q=%20x}, doi = {10.1000/ABC def}, file = {C:\x.pdf}}
@article{numbers, year = 2020, volume = 7 # {a}, number = "3" # 4, pages = -5, month = jan}
@article{empties, title = {}, note = "", abstract = { }}
@book{parent, title = {Parent Book}, author = {Ann Editor}, publisher = {Press}, abstract = {The parent's abstract.}}
@inbook{child, crossref = {parent}, title = {Child Chapter}, pages = {1--2}}
@article{names, author = {Müller, Hans and de la Vega, Ana and {The Oxytocin Consortium}}, editor = {Smith-Jones, A. B.}}
@article{mixed, title = {The {\"O}strogen receptor in {NPY} neurons}, abstract = {Plain words, then \emph{some} $\alpha$.}}
@article{braces, title = {The {NPY} -{-}- system {{in}}  {}rats}, journal = {{Brain} {Research}}, note = {{''}' and ''{}'}, keywords = {{a, b}, c}}
`

function decoded(file: string): string {
  return decodeBibliography(new Uint8Array(readFileSync(`${DIR}/${file}`))).text
}

/** Each entry block read both ways: by our field reader (when it read it) and by citation-js's grammar. */
function bothReadings(text: string): { ours: RawEntry; theirs: unknown }[] {
  const blocks = splitBibtexBlocks(text)
  const macros = new Macros(blocks.filter(block => block.kind === 'string'))
  const budget = new ExpansionBudget()
  const pairs: { ours: RawEntry; theirs: unknown }[] = []
  for (const block of blocks) {
    if (block.kind !== 'entry' || !block.closed || !block.key) continue
    const expanded = expandEntry(block, block.text, block.offset, macros, budget, true)
    if (!expanded.entry || typeof expanded.text !== 'string') continue
    const theirs = plugins.input.chain(expanded.text, { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false })
    pairs.push({ ours: expanded.entry, theirs: theirs[0] })
  }
  return pairs
}

/** citation-js's own conversion of the same entries, or its error. */
function citationJs(entries: RawEntry[]): unknown {
  try {
    return plugins.input.chain(entries, { forceType: '@biblatex/entries+list', generateGraph: false })
  } catch (error) {
    return String(error)
  }
}

function ours(entries: RawEntry[]): unknown {
  try {
    return entriesToCsl(entries)
  } catch (error) {
    return String(error)
  }
}

describe.each([...FIXTURES.map(file => [file, () => decoded(file)] as const), ['entries on the edges', () => EDGES] as const])('%s', (_, text) => {
  it('reads each entry as citation-js does', () => {
    const pairs = bothReadings(text())
    for (const { ours, theirs } of pairs) expect(ours).toEqual(theirs)
  })

  it('converts each entry, and the whole file with its crossrefs, to the same CSL as citation-js', () => {
    const entries = bothReadings(text()).map(pair => pair.ours)
    for (const entry of entries) expect(ours([entry])).toEqual(citationJs([entry]))
    expect(ours(entries)).toEqual(citationJs(entries))
  })
})

describe("journal articles mapped without citation-js's translator", () => {
  const ARTICLE_VALUES: Record<string, string[]> = {
    author: ['Müller, Hans and de la Vega, Ana', 'A. B. Smith', '{The Oxytocin Consortium}', 'Sm{\\"i}th, J. and others', ''],
    title: ['The {NPY} system', 'Orexin---and sleep', 'A $\\alpha$-MSH study', '{}', ' '],
    journal: ['Brain Research', '{Nature} Neuroscience', 'J. Neurosci.'],
    year: ['2020', '1970', 'in press', '20a'],
    month: ['mar', '3', 'March', 'dec', '13'],
    volume: ['12', '7a', '{12}'],
    number: ['3', 'Spring', 'S1'],
    pages: ['12--19', '5', 'e1234', '12---19', '12–19'],
    doi: ['10.1000/ABC', '10.1/x y'],
    abstract: ['Words  and\n words.', 'With {Braces} and \\emph{more}.'],
    keywords: ['oxytocin, vasopressin', 'a; b', 'one'],
    url: ['https://example.org/a b', 'http://x.org/%20'],
    issn: ['1234-5678'],
    note: ['A note', ''],
    pmid: ['12345678', 'PMID: 1'],
    pmcid: ['PMC1', '1'],
    shorttitle: ['NPY', '{NPY} and sleep'],
    date: ['2020-03-04', '2020', '2020/2021', 'spring'],
    urldate: ['2021-01-02', 'yesterday'],
    publisher: ['Elsevier', 'Elsevier and Springer', '{A and B}'],
    address: ['Berlin', 'Berlin and Paris'],
    language: ['english', 'english and german'],
    langid: ['ngerman'],
    file: ['C:\\x.pdf', ':a.pdf:PDF'],
    // outside the direct mapping: the entry goes through citation-js's mapping
    journaltitle: ['J'],
    location: ['Paris'],
    eprint: ['123']
  }
  const FIELD_NAMES = Object.keys(ARTICLE_VALUES)

  /** the same 2,000 articles every run, each with a few of the fields above */
  function* articles(): Generator<RawEntry> {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
    for (let n = 0; n < 2000; n++) {
      const properties: Record<string, unknown> = {}
      for (let k = 1 + Math.floor(random() * 10); k > 0; k--) {
        const field = pick(FIELD_NAMES)
        properties[field] = pick(ARTICLE_VALUES[field])
      }
      yield { type: n % 10 === 0 ? pick(['book', 'misc', 'inproceedings']) : 'article', label: `a${n}`, properties }
    }
  }

  it('gives the CSL citation-js gives, field for field and in its order, for 2,000 generated entries', () => {
    let direct = 0
    for (const entry of articles()) {
      const theirs = citationJs([entry])
      expect([entry, ours([entry])]).toEqual([entry, theirs])
      expect(JSON.stringify(ours([entry]))).toBe(JSON.stringify(theirs))
      if (Object.keys(entry.properties).every(field => !['journaltitle', 'location', 'eprint'].includes(field)) && entry.type === 'article') direct++
    }
    expect(direct).toBeGreaterThan(500)
  })

  it('gives the same CSL, in the same order, for every article of the fixtures', () => {
    const entries = FIXTURES.flatMap(file => bothReadings(decoded(file)).map(pair => pair.ours)).filter(entry => entry.type === 'article')
    expect(entries.length).toBeGreaterThan(20)
    for (const entry of entries) expect(JSON.stringify(ours([entry]))).toBe(JSON.stringify(citationJs([entry])))
  })
})

it("reads most entries of the real files without citation-js's grammar (so the comparisons above compare something)", () => {
  const entries = FIXTURES.flatMap(file => splitBibtexBlocks(decoded(file)).filter(block => block.kind === 'entry' && block.closed && block.key))
  const read = FIXTURES.flatMap(file => bothReadings(decoded(file)))
  expect(read.length).toBeGreaterThan(entries.length * 0.8)
  expect(bothReadings(EDGES)).toHaveLength(12)
})

describe('one value, read both ways', () => {
  // pieces of names, lists, URLs and prose, and the white space and punctuation between them
  const PIECES = [
    'Ana',
    'b',
    'Öz',
    'ß',
    'α',
    'van',
    'Jr.',
    '1',
    ' ',
    '  ',
    '\t',
    '\n',
    '\u00a0',
    ',',
    '-',
    '--',
    '---',
    "''",
    '``',
    'and',
    'AND',
    ' and ',
    '.',
    ':',
    '%',
    '/',
    '?',
    '=',
    '&',
    'é',
    '{',
    '}',
    '{NPY}',
    '{-}'
  ]
  const FIELDS = [
    'author',
    'editor',
    'title',
    'abstract',
    'keywords',
    'publisher',
    'location',
    'language',
    'url',
    'doi',
    'pages',
    'note',
    'options',
    'madeupfield'
  ]

  /** the same 3,000 values every run */
  function* values(): Generator<string> {
    let seed = 13
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(random() * 12)
      yield Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('')
    }
  }

  const outcome = (read: () => unknown): unknown => {
    try {
      return read()
    } catch (error) {
      return `throws ${error instanceof Error ? error.name : String(error)}`
    }
  }

  it.each(FIELDS)('%s: 3,000 values without LaTeX give what citation-js gives', field => {
    for (const text of values()) {
      expect([text, outcome(() => readValue(text, field, []))]).toEqual([text, outcome(() => readLatexValue(text, field, []))])
    }
  })
})
