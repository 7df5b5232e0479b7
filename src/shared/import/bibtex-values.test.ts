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
    const expanded = expandEntry(block, block.text, block.offset, macros, budget)
    if (!expanded.entry || expanded.text === null) continue
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
