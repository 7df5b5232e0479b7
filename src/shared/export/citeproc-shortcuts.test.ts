// citeproc with Neuroref's shortcuts (citeproc-shortcuts.ts) writes exactly
// what citeproc as shipped writes: the same reference lists and citations, in
// several styles, outputs and languages, for papers with markup and quotes in
// their titles, Turkish and Greek papers, accented names and many authors,
// and names and titles that sort otherwise under other collation rules.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import CSL from 'citeproc'
import { describe, expect, it } from 'vitest'
import { fixtureItems } from '../../main/services/pubmed/fixture-items.test-support'
import { createSyntheticLibrary } from '../../../bench/synthetic-library'
import type { ExportItem } from './bibtex-fields'
import { withCiteprocAsShipped } from './citeproc-shortcuts'
import { cslRecords } from './csl-items'
import { bibliographyOfRecords, formatCitation } from './formats'
import type { StyledOutput } from './file-types'
import { seedPaper } from './seed-paper.test-support'
import { learnLocale, registerStyle } from './styles'

const ARCHIVE = resolve(__dirname, '../../../resources/csl/csl-styles-and-locales.tar.gz')
const localeXml = (lang: string): string => execFileSync('tar', ['-xzOf', ARCHIVE, `locales/locales-${lang}.xml`], { encoding: 'utf8' })

function paper(id: string, title: string, extra: Record<string, unknown> = {}): ExportItem & { id: string } {
  return { ...seedPaper, id, pmid: undefined, doi: undefined, citationKey: id, csl: { ...seedPaper.csl, title, DOI: undefined, PMID: undefined, ...extra } }
}

/** Papers whose titles, names and languages meet what the shortcuts skip or must not skip. */
function marked(): ExportItem[] {
  return [
    paper('quotes', 'The “social” peptide: <i>in vivo</i> oxytocin and ‘trust’'),
    paper('straight', "A \"straight\" quote and an 'inner' one in ('parentheses')"),
    paper('apostrophe', 'O’Brien’s rats and the dog’s bone'),
    paper('tags', 'Kisspeptin<sup>2</sup> and <span class="nocase">mRNA</span> in <b>bold</b> and <sc>caps</sc>'),
    paper('guillemets', 'La peur « sociale » et „die Angst“ und ‚klein‘'),
    paper('plain', 'Plain words, commas; colons: and dashes – nothing else'),
    paper('turkish', 'İnsan ve IŞIK: ılık İzmir', {
      language: 'tur',
      author: [
        { family: 'Işık', given: 'İlker' },
        { family: 'Çelik', given: 'Ipek' }
      ]
    }),
    paper('turkish-2', 'Işık ve insan', { language: 'tr', author: [{ family: 'Işık', given: 'ılgın' }] }),
    paper('greek', 'άρθρο για την ωκυτοκίνη', { language: 'el', author: [{ family: 'Παπαδόπουλος', given: 'Άγγελος' }] }),
    paper('lithuanian', 'Ìi straipsnis', { language: 'lit', author: [{ family: 'Jonaitis', given: 'Ìeva' }] }),
    paper('nonsense-language', 'A paper whose language field is garbage', { language: '12 not a language' }),
    // Sort keys that order otherwise under another locale or other collation options than citeproc's (base letters, punctuation ignored, numbers by value)
    paper('sort-obrien', 'Sorting with an apostrophe', { author: [{ family: "O'Brien", given: 'Kate' }] }),
    paper('sort-oakes', 'Sorting without one', { author: [{ family: 'Oakes', given: 'Kate' }] }),
    paper('sort-mueller', 'Sorting with an umlaut', { author: [{ family: 'Müller', given: 'Anna' }], issued: { 'date-parts': [[2019]] } }),
    paper('sort-muller', 'Sorting without one', { author: [{ family: 'Muller', given: 'Anna' }], issued: { 'date-parts': [[2020]] } }),
    paper('sort-celik', 'Sorting with a cedilla', { author: [{ family: 'Çelik', given: 'Ada' }] }),
    paper('sort-cox', 'Sorting without one', { author: [{ family: 'Cox', given: 'Ada' }] }),
    paper('sort-9', 'Paper 9 of a series', { author: [{ family: 'Series', given: 'Sam' }] }),
    paper('sort-10', 'Paper 10 of a series', { author: [{ family: 'Series', given: 'Sam' }] }),
    paper('names', 'Names with particles, suffixes and initials', {
      author: [
        { family: 'van der Berg', given: 'Piet' },
        { family: 'Berg', given: 'Jean de la' },
        { family: 'King', given: 'Martin Luther, Jr.' },
        { family: 'Smith', given: 'John, et al.' },
        { family: 'Dupont', given: 'Jean-Paul' },
        { family: 'Lee', given: 'J.P.' },
        { family: 'Costa', given: 'maria' },
        { family: "d'Alembert", given: 'Jean le Rond' },
        { family: 'Lord', given: 'Lord' }
      ]
    })
  ]
}

// APA but with "Jean-Paul" initialised as "J. P." (initialize-with-hyphen="false"), to follow APA in the same process.
const APA_XML = readFileSync(resolve(__dirname, '../../../resources/csl/apa.csl'), 'utf8')
registerStyle(
  'apa-no-hyphen',
  APA_XML.replace('<style ', '<style initialize-with-hyphen="false" ').replace(/<id>[^<]*<\/id>/, '<id>http://example.org/apa-no-hyphen</id>')
)

const list = cslRecords([seedPaper, ...fixtureItems(), ...marked(), ...createSyntheticLibrary(60, 21).items])

describe('citeproc with the shortcuts', { timeout: 180_000 }, () => {
  it('maps case as citeproc does for every language list, Turkish, Azeri, Lithuanian and Greek included', () => {
    const texts = ['I İ ı i', 'ά Σ ς ß ǅ', 'Ìi Įį', 'ŞĞÜÖÇ']
    const lists = [
      ['en-US'],
      ['tur', 'en-US'],
      ['tr-TR'],
      ['TR'],
      ['aze', 'en'],
      ['lit', 'en'],
      ['el', 'en-US'],
      ['ell'],
      ['turkish', 'en-US'],
      ['tr_TR'],
      ['iw', 'de'],
      ['x', 'en']
    ]
    for (const lang_array of lists) {
      const engine = { tmp: { lang_array } }
      for (const text of texts) {
        for (const mapping of [CSL.toLocaleLowerCase, CSL.toLocaleUpperCase]) {
          expect(mapping.call(engine, text), `${lang_array.join(',')}: ${text}`).toBe(withCiteprocAsShipped(() => mapping.call(engine, text)))
        }
      }
    }
  })

  it.each([
    ['apa', 'text', undefined],
    ['apa', 'html', undefined],
    ['apa', 'rtf', undefined],
    ['apa', 'text', 'fr-FR'],
    ['apa', 'text', 'de-DE'],
    ['apa', 'html', 'tr-TR'],
    ['apa', 'text', 'el-GR'],
    ['apa-no-hyphen', 'text', undefined],
    ['chicago-author-date', 'text', undefined],
    ['chicago-author-date', 'text', 'fr-FR'],
    ['chicago-author-date', 'html', 'de-DE'],
    ['nature', 'html', undefined],
    ['vancouver-nlm', 'text', undefined],
    ['american-medical-association', 'text', undefined]
  ] as const)('in %s (%s, %s) writes the reference list and a citation as citeproc as shipped', (style, output, lang: string | undefined) => {
    if (lang) learnLocale(lang, localeXml(lang))
    const options = { style, output: output as StyledOutput, lang }
    const quick = bibliographyOfRecords(list, options)
    expect(quick).toBe(withCiteprocAsShipped(() => bibliographyOfRecords(list, options)))
    expect(quick.toLowerCase()).toContain('rats and the dog')
    const some = [seedPaper, ...marked()]
    expect(formatCitation(some, options)).toBe(withCiteprocAsShipped(() => formatCitation(some, options)))
  })
})
