// A long reference list made in pieces is byte for byte what one citeproc run
// over the whole list gives: on real papers (the recorded PubMed papers and the
// seed paper), 200 synthetic ones, and papers made to meet every way one entry
// can change another (2021a/b, the same family name with other initials in
// other years, particles, institutions, papers without authors, editors only,
// identical papers).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Cite } from '@citation-js/core'
import { describe, expect, it } from 'vitest'
import { fixtureItems } from '../../main/services/pubmed/fixture-items.test-support'
import { createSyntheticLibrary } from '../../../bench/synthetic-library'
import type { ExportItem } from './bibtex-fields'
import { cslRecords } from './csl-items'
import { bibliographyOfRecords, makePieces } from './formats'
import type { StyledOutput } from './file-types'
import { BibliographyMaker, type PieceHelper } from './bibliography-maker'
import { keptInMemory } from './kept-entries.test-support'
import { groupsOf, piecesAreExact, piecesOf } from './citeproc-pieces'
import { findStyle, registerStyle } from './styles'
import { paperLike, seedPaper } from './seed-paper.test-support'
import type { CslName } from '@shared/model'

const paper = paperLike

/** Papers that meet each way citeproc lets one entry change another. */
function tricky(): ExportItem[] {
  const smith = (given: string): CslName => ({ family: 'Smith', given })
  return [
    paper('same-1', [smith('John'), { family: 'Lee', given: 'Ann' }, { family: 'Kim', given: 'Bo' }], 2021, 'Oxytocin and fear'),
    paper('same-2', [smith('John'), { family: 'Park', given: 'Ji' }, { family: 'Kim', given: 'Bo' }], 2021, 'Vasopressin and fear'),
    paper('same-3', [smith('John')], 2021, 'Orexin and sleep'),
    paper('other-initial', [smith('Adam')], 2019, 'Galanin and feeding'),
    paper('other-initial-2', [smith('Adam'), { family: 'Jones', given: 'Eve' }], 2021, 'Galanin and feeding again'),
    paper('second-author-smith', [{ family: 'Jones', given: 'Eve' }, smith('Zoe')], 2021, 'Neuropeptide Y'),
    paper('particle-1', [{ family: 'van der Berg', given: 'Piet' }], 2020, 'Kisspeptin one'),
    paper('particle-2', [{ family: 'Berg', given: 'Anna' }], 2020, 'Kisspeptin two'),
    paper('particle-3', [{ family: 'Berg', given: 'Piet', 'non-dropping-particle': 'van der' }], 2020, 'Kisspeptin three'),
    paper('accent-1', [{ family: 'Müller', given: 'Karl' }], 2018, 'Substance P'),
    paper('accent-2', [{ family: 'Muller', given: 'Karl' }], 2018, 'Substance P again'),
    paper('institution-1', [{ literal: 'World Health Organization' }], 2020, 'Report one'),
    paper('institution-2', [{ literal: 'World Health Organization' }], 2020, 'Report two'),
    paper('institution-3', [{ literal: 'National Institutes of Health' }], 2020, 'Report three'),
    paper('no-author-1', undefined, 2017, 'Neuropeptides'),
    paper('no-author-2', undefined, 2017, 'Neuropeptides'),
    paper('no-author-3', undefined, 2017, 'Smith'),
    paper('editor-only', undefined, 2021, 'An edited book', { editor: [smith('John')], type: 'book' }),
    paper('twin-1', [{ family: 'Nakamura', given: 'Ken' }], 2016, 'Identical'),
    paper('twin-2', [{ family: 'Nakamura', given: 'Ken' }], 2016, 'Identical'),
    paper('no-date', [{ family: 'Lee', given: 'Ann' }], 0, 'Undated', { issued: undefined }),
    paper('no-date-2', [{ family: 'Lee', given: 'Ann' }], 0, 'Undated too', { issued: undefined })
  ]
}

function records() {
  const synthetic = createSyntheticLibrary(200, 13).items
  // the tricky papers spread through the list, so pieces and input order interleave
  const all: ExportItem[] = [...synthetic]
  tricky().forEach((item, i) => all.splice(i * 9, 0, item))
  return cslRecords([seedPaper, ...fixtureItems(), ...all])
}

/** One citeproc run over the whole list, as every list was made before. */
function oneRun(style: string, output: StyledOutput, list: ReturnType<typeof records>): string {
  return new Cite(list).format('bibliography', { template: style, lang: findStyle(style)?.locale, format: output })
}

/** Small pieces, so that 250 papers make many (the app makes pieces of 500 in lists longer than that). */
const pieceSize = 40

// citeproc compiles each style on first use, and formats 2 × 250 papers per case: long on a busy machine.
describe('a reference list made in pieces', { timeout: 180_000 }, () => {
  const list = records()

  it('is in pieces that keep papers that could change each other together', () => {
    const pieces = piecesOf(list, 1)
    const pieceOf = (id: string) => pieces.findIndex(piece => piece.some(record => record.id === id))
    expect(pieces.length).toBeGreaterThan(20)
    expect(pieceOf('same-1')).not.toBe(pieceOf('particle-1'))
    expect(piecesOf(list, pieceSize).length).toBeGreaterThan(3)
    for (const group of [
      ['same-1', 'same-2', 'same-3', 'other-initial', 'other-initial-2', 'editor-only', 'no-author-3'],
      ['particle-1', 'particle-2', 'particle-3'],
      ['accent-1', 'accent-2'],
      ['institution-1', 'institution-2', 'institution-3'],
      ['no-author-1', 'no-author-2']
    ]) {
      const found = group.map(pieceOf)
      expect(found).not.toContain(-1)
      expect(new Set(found).size).toBe(1)
    }
  })

  // What the grouping must never do, checked directly: a paper's citation written alone (before any
  // disambiguation) is what citeproc compares; papers whose citations read alike get year suffixes or
  // more names from each other, so they must share a group. (A grouping by paper, by title or by
  // journal fails here; so would one that left out a name variable or the papers without names.)
  it.each(['apa', 'chicago-author-date', 'elsevier-harvard'])('never separates papers whose citations read alike in %s', style => {
    const groups = groupsOf(list)
    const groupOf = new Map(groups.flatMap((group, g) => group.map(i => [String(list[i].id), g])))
    const papersByCitation = new Map<string, string[]>()
    for (const record of list) {
      const alone = new Cite([record]).format('citation', { template: style, lang: findStyle(style)?.locale, format: 'text' })
      papersByCitation.set(alone, [...(papersByCitation.get(alone) ?? []), String(record.id)])
    }
    const alike = [...papersByCitation.values()].filter(papers => papers.length > 1)
    expect(alike.length).toBeGreaterThan(5)
    expect(alike.flat()).toEqual(expect.arrayContaining(['same-1', 'same-2', 'twin-1', 'twin-2', 'no-date', 'no-date-2', 'institution-1', 'institution-2']))
    for (const papers of alike) expect(new Set(papers.map(id => groupOf.get(id))).size, papers.join(', ')).toBe(1)
  })

  // With a primary-name rule the name register spans every year: two J. Smiths of 2019 and 2020 get their given
  // names in an initialising bibliography ("Smith, Jane, 2019"), and the order follows. So a grouping by family name
  // and year would not be exact; this fails with one.
  it('keeps papers of other years together when the name register joins them (a primary-name rule)', () => {
    const harvard = readFileSync(resolve(__dirname, '../../../resources/csl/elsevier-harvard.csl'), 'utf8')
    const primaryName = harvard
      .replace(/<citation[^>]*>/, tag =>
        tag.replace(/ disambiguate-add-givenname="[^"]*"/, ' disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"')
      )
      .replace(/<id>[^<]*<\/id>/, '<id>http://example.org/harvard-primary-name</id>')
    registerStyle('harvard-primary-name', primaryName)
    const smiths = cslRecords([
      paper('john', [{ family: 'Smith', given: 'John' }], 2020, 'One'),
      paper('jane', [{ family: 'Smith', given: 'Jane' }], 2019, 'Two'),
      paper('karl', [{ family: 'Smith', given: 'Karl' }], 2018, 'Three')
    ])
    const expected = oneRun('harvard-primary-name', 'text', smiths)
    expect(expected).toContain('Smith, Jane, 2019')
    expect(bibliographyOfRecords(smiths, { style: 'harvard-primary-name', output: 'text', pieceSize: 1 })).toBe(expected)
  })

  it.each([
    ['apa', 'text'],
    ['apa', 'html'],
    ['chicago-author-date', 'text'],
    ['elsevier-harvard', 'text']
  ] as const)('in %s (%s) is byte for byte one citeproc run over the whole list', (style, output) => {
    const expected = oneRun(style, output, list)
    const made = bibliographyOfRecords(list, { style, output, pieceSize })
    const body = output === 'html' ? made.slice(made.indexOf('<body>\n') + 7, made.lastIndexOf('\n</body>')) : made
    expect(body).toBe(expected)
    expect(expected.length).toBeGreaterThan(30_000)
  })

  it('is the same text when a helper (another worker) makes part of the pieces', async () => {
    const helped: number[] = []
    const helper: PieceHelper = async (order, onEntry) => {
      helped.push(...order.pieces.map(piece => piece.length))
      return makePieces(order.pieces, order.style, onEntry)
    }
    const maker = new BibliographyMaker({ helpers: [helper], pieceSize })
    for (const output of ['text', 'html', 'rtf'] as const) {
      const progress: number[] = []
      expect(await maker.make({ records: list, style: 'apa', output }, done => void progress.push(done))).toBe(
        bibliographyOfRecords(list, { style: 'apa', output })
      )
      expect(progress).toEqual(list.map((_, i) => i + 1)) // every entry counted once, here or in the helper
    }
    expect(helped.length).toBeGreaterThan(1)
    expect(helped.reduce((a, b) => a + b, 0)).toBeGreaterThan(list.length) // about half of each of the three lists
  })

  it('leaves the pieces to this thread while the helper is busy (a helper on a loaded core), the same text', async () => {
    // The helper answers only when every other entry has been written here: it is busy all along.
    let written = 0
    let held = 0
    const answers: (() => void)[] = []
    const answerWhenAllElseIsWritten = (): void => void (written + held === list.length && answers.splice(0).forEach(answer => answer()))
    const helped: number[] = []
    const helper: PieceHelper = async (order, onEntry) => {
      const papers = order.pieces.reduce((sum, piece) => sum + piece.length, 0)
      helped.push(order.pieces.length)
      held += papers
      await new Promise<void>(resolve => {
        answers.push(resolve)
        answerWhenAllElseIsWritten()
      })
      return makePieces(order.pieces, order.style, onEntry)
    }
    const maker = new BibliographyMaker({ helpers: [helper], pieceSize: 20 })
    const text = await maker.make({ records: list, style: 'apa', output: 'text' }, done => {
      written = done
      answerWhenAllElseIsWritten()
    })
    expect(text).toBe(bibliographyOfRecords(list, { style: 'apa', output: 'text' }))
    expect(helped.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2) // of more than ten pieces
    expect(list.length / 20).toBeGreaterThan(10)
  })

  it('makes the pieces of a helper that stops here, the same text, every entry counted', async () => {
    let calls = 0
    const helper: PieceHelper = async (order, onEntry) => {
      if (++calls > 2) throw new Error('The second formatting worker stopped.')
      return makePieces(order.pieces, order.style, onEntry)
    }
    let written = 0
    const maker = new BibliographyMaker({ helpers: [helper], pieceSize: 20 })
    expect(await maker.make({ records: list, style: 'apa', output: 'text' }, done => void (written = done))).toBe(
      bibliographyOfRecords(list, { style: 'apa', output: 'text' })
    )
    expect(written).toBe(list.length)
    expect(calls).toBe(4) // two pieces in flight when it stopped, none sent after
  })

  it('remakes only the group of a changed paper, and still reads as one run', async () => {
    const store = keptInMemory()
    const maker = new BibliographyMaker({ store, pieceSize })
    expect(await maker.make({ records: list, style: 'apa', output: 'text' })).toBe(oneRun('apa', 'text', list))
    const groups = store.rows.size
    expect(groups).toBeGreaterThan(20)
    const changed = list.map((record, i) => (i === 100 ? { ...record, title: 'A title changed since the last list' } : record))
    store.written = 0
    const again = await maker.make({ records: changed, style: 'apa', output: 'text' })
    expect(again).toBe(oneRun('apa', 'text', changed))
    expect(again).toContain('A title changed since the last list')
    expect(store.written).toBe(1)
  })

  // findStyle registers the bundled styles: without it, run alone, this case would compare with citation-js's own older APA.
  it('in RTF has the entries of one run, a paragraph each, in pieces or not (a short list is one run)', () => {
    const entries = (
      new Cite(list).format('bibliography', { template: 'apa', lang: findStyle('apa')?.locale, format: 'rtf', asEntryArray: true }) as unknown as [
        string,
        string
      ][]
    ).map(([, entry]) => `${entry.trim()}\\par`)
    const expected = `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n${entries.join('\n')}\n}\n`
    expect(bibliographyOfRecords(list, { style: 'apa', output: 'rtf', pieceSize })).toBe(expected)
    expect(bibliographyOfRecords(list, { style: 'apa', output: 'rtf' })).toBe(expected)
  })

  it('is made in one run for styles whose entries depend on each other otherwise (numbered, all-names)', () => {
    const xml = (rules: string) => `<style><citation ${rules}/><bibliography/></style>`
    expect(piecesAreExact(xml('givenname-disambiguation-rule="primary-name-with-initials"'))).toBe(true)
    expect(piecesAreExact(xml('givenname-disambiguation-rule="all-names"'))).toBe(false)
    expect(piecesAreExact(`<style><bibliography subsequent-author-substitute="———"/></style>`)).toBe(false)
    expect(piecesAreExact(`<style><text variable="citation-number"/></style>`)).toBe(false)
  })
})
