// Runs the exported .bib through real BibTeX (plain.bst), the way a
// manuscript build would. Needs TeX Live's `bibtex`: CI installs it; locally
// `apt-get install -y --no-install-recommends texlive-binaries texlive-base`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mapWork, type CrossrefWork } from '../../main/services/crossref/map-work'
import { parsePubmedArticleSet } from '../../main/services/pubmed/parse-efetch'
import type { CslFields } from '../model'
import { exportBibtex, type ExportItem } from './bibtex'

const FIXTURES = join(import.meta.dirname, '../../../e2e/fixtures')
const workDirs: string[] = []
afterAll(() => workDirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

interface BibtexRun {
  status: number | null
  /** the .blg log: every warning and error BibTeX reported */
  log: string
  /** the formatted bibliography LaTeX would typeset */
  bbl: string
}

function runBibtex(bib: string): BibtexRun {
  const dir = mkdtempSync(join(tmpdir(), 'neuroref-bibtex-'))
  workDirs.push(dir)
  writeFileSync(join(dir, 'refs.bib'), bib)
  writeFileSync(join(dir, 'paper.aux'), '\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n')
  const run = spawnSync('bibtex', ['paper'], { cwd: dir, encoding: 'utf8' })
  if (run.error) {
    throw new Error(
      `BibTeX could not be run (${run.error.message}). Install TeX Live: ` +
        'apt-get update && apt-get install -y --no-install-recommends texlive-binaries texlive-base (CI installs it).'
    )
  }
  const read = (name: string): string => {
    try {
      return readFileSync(join(dir, name), 'utf8')
    } catch {
      return ''
    }
  }
  return { status: run.status, log: read('paper.blg'), bbl: read('paper.bbl') }
}

/** The BibTeX warning and error lines of a run. */
function complaints(run: BibtexRun): string[] {
  return run.log.split('\n').filter(line => /^Warning--|^I |^---|error message|illegal|repeated/i.test(line))
}

const bibitems = (bbl: string): number => bbl.split('\\bibitem').length - 1

function item(key: string, csl: Partial<CslFields>, extra: Partial<ExportItem> = {}): ExportItem {
  return { sources: ['manual'], citationKey: key, ...extra, csl: { type: 'article-journal', ...csl } }
}

// Items with everything plain.bst asks of their type, so any complaint is ours.
const handWritten: ExportItem[] = [
  item(
    'ferrerperez2021oxytocin',
    {
      title: 'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat',
      'container-title': 'International Journal of Molecular Sciences',
      author: [
        { family: 'Ferrer-Pérez', given: 'Carmen' },
        { family: 'Miñarro', given: 'José' },
        { family: 'Rodríguez-Arias', given: 'Marina' }
      ],
      issued: { 'date-parts': [[2021, 3, 1]] },
      volume: '22',
      issue: '5',
      page: '2372',
      DOI: '10.3390/ijms22052372'
    },
    { pmid: '33673448', pmcid: 'PMC7956822', keywords: ['oxytocin', 'social defeat'] }
  ),
  item('dna2020', {
    title: 'DNA Sequencing of <i>Oxtr</i> in H<sub>2</sub>O-treated Wistar rats: 5% & $10_{x} #1 ~^\\ {a}',
    'container-title': 'Journal of Neuroendocrinology',
    author: [{ literal: 'World Health Organization' }, { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' }],
    issued: { 'date-parts': [[2020, 12]] },
    page: '101–9',
    URL: 'https://example.org/a?b=50%25#c',
    abstract: '<jats:p>We used <jats:italic>in vivo</jats:italic> fMRI (p &lt; 0.05).</jats:p>'
  }),
  item('neumann2012book', {
    type: 'book',
    title: 'Neuropeptides and Social Behaviour',
    editor: [{ family: 'Neumann', given: 'Inga D' }],
    publisher: 'Springer',
    'publisher-place': 'Berlin',
    issued: { 'date-parts': [[2012]] },
    edition: '2',
    ISBN: '978-3-642-00000-0'
  }),
  item('young2012chapter', {
    type: 'chapter',
    title: 'Vasopressin and pair bonding',
    author: [{ family: 'Young', given: 'Larry J' }],
    'container-title': 'Neuropeptides and Social Behaviour',
    editor: [{ family: 'Neumann', given: 'Inga D' }],
    publisher: 'Springer',
    issued: { 'date-parts': [[2012]] },
    page: '10-30'
  }),
  item('arya2003', {
    type: 'paper-conference',
    title: 'Accurate and explicit differentiation of wireless and congestion losses',
    author: [{ family: 'Arya', given: 'S' }],
    'container-title': '23rd ICDCS Workshops',
    issued: { 'date-parts': [[2003]] }
  }),
  item('garcia2019thesis', {
    type: 'thesis',
    title: 'Estrés social y cocaína',
    author: [{ family: 'García', given: 'Ana' }],
    publisher: 'Universitat de València',
    issued: { 'date-parts': [[2019]] }
  }),
  item('nida2018report', {
    type: 'report',
    title: 'Opioid overdose report',
    author: [{ literal: 'National Institute on Drug Abuse' }],
    publisher: 'NIDA',
    number: 'TR-7',
    issued: { 'date-parts': [[2018]] }
  }),
  item('preprint2021', {
    type: 'posted-content',
    subtype: 'preprint',
    title: 'ΔFosB and β-endorphin in α-MSH neurons',
    author: [{ family: 'Søndergaard', given: 'Çağla' }],
    publisher: 'Cold Spring Harbor Laboratory',
    issued: { 'date-parts': [[2021, 8]] }
  }),
  item('who2020web', {
    type: 'webpage',
    title: 'Opioid overdose',
    author: [{ literal: 'World Health Organization' }],
    URL: 'https://www.who.int/news-room/fact-sheets/detail/opioid-overdose',
    issued: { 'date-parts': [[2020]] }
  })
]

describe('real BibTeX reads the export', () => {
  it.each([false, true])('hand-written items, latexAccents %s: no warning, every entry, capitals kept', latexAccents => {
    const run = runBibtex(exportBibtex(handWritten, { latexAccents }))
    expect(complaints(run)).toEqual([])
    expect(run.status).toBe(0)
    expect(bibitems(run.bbl)).toBe(handWritten.length)
    const bbl = run.bbl.replace(/\s+/g, ' ')
    expect(bbl).toContain('{DNA} {Sequencing} of \\textit{{Oxtr}} in {H}\\textsubscript{2}{O-treated} {Wistar} rats')
    expect(bbl).toContain('Oxytocin {Prevents} the {Increase} of {Cocaine-Related} {Responses}')
    expect(bbl).toContain('{World Health Organization} and Jan van~der Berg')
    expect(bbl).toContain('December 2020')
    expect(bbl).toContain('101--9')
    expect(bbl).toContain(latexAccents ? "Carmen Ferrer-P{\\'e}rez, Jos{\\'e} Mi{\\~n}arro" : 'Carmen Ferrer-Pérez, José Miñarro')
    expect(bbl).toContain(latexAccents ? '{{$\\Delta$}FosB} and $\\beta$-endorphin' : '{ΔFosB} and β-endorphin')
  })
})

function crossrefWorks(): { file: string; work: CrossrefWork }[] {
  const dir = join(FIXTURES, 'crossref/works')
  return readdirSync(dir)
    .map(file => ({ file, body: JSON.parse(readFileSync(join(dir, file), 'utf8')) }))
    .map(({ file, body }) => ({ file, work: body.message ?? body }))
    .filter(({ work }) => work.DOI && work.type) // agency and search replies are not works
}

function pubmedRecords(): { file: string; items: ExportItem[] }[] {
  const dir = join(FIXTURES, 'pubmed/efetch')
  return readdirSync(dir)
    .filter(file => !file.includes('malformed')) // not a readable reply, by design
    .map(file => ({ file, items: parsePubmedArticleSet(readFileSync(join(dir, file), 'utf8')) }))
}

/** What plain.bst may still say about a real record: data the source did not have. */
const MISSING_DATA = /^Warning--(empty|I didn't find a database entry)/

describe('real BibTeX reads every recorded lookup', () => {
  it.each([false, true])('all Crossref works fixtures, latexAccents %s', latexAccents => {
    const works = crossrefWorks()
    expect(works.length).toBeGreaterThan(15)
    const run = runBibtex(
      exportBibtex(
        works.map(({ work }) => mapWork(work)),
        { latexAccents }
      )
    )
    expect(complaints(run).filter(line => !MISSING_DATA.test(line))).toEqual([])
    expect(run.status).toBeLessThan(2)
    expect(bibitems(run.bbl)).toBe(works.length)
  })

  it.each([false, true])('all PubMed efetch fixtures, latexAccents %s', latexAccents => {
    const items = pubmedRecords().flatMap(fixture => fixture.items)
    expect(items.length).toBeGreaterThan(25)
    const run = runBibtex(exportBibtex(items, { latexAccents }))
    expect(complaints(run).filter(line => !MISSING_DATA.test(line))).toEqual([])
    expect(run.status).toBeLessThan(2)
    expect(bibitems(run.bbl)).toBe(items.length)
  })
})
