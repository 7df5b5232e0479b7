import { describe, expect, it } from 'vitest'
import type { CslFields } from '../model'
import { exportBibtex, type ExportItem } from './bibtex'
// The seed paper is shared with the other export tests.
import { seedPaper as seed } from './seed-paper.test-support'

/** A journal article with only what a test is about. */
function article(csl: Partial<CslFields>, extra: Partial<ExportItem> = {}): ExportItem {
  return {
    sources: ['manual'],
    citationKey: 'key',
    ...extra,
    csl: { type: 'article-journal', 'container-title': 'Journal of Neuroendocrinology', issued: { 'date-parts': [[2020]] }, ...csl }
  }
}

/** The lines of the one entry exported for `item`. */
function entryLines(item: ExportItem, latexAccents = false): string[] {
  return exportBibtex([item], { latexAccents }).trimEnd().split('\n')
}

function field(item: ExportItem, name: string, latexAccents = false): string | undefined {
  return entryLines(item, latexAccents).find(line => line.startsWith(`  ${name} = `))
}

describe('exportBibtex: the seed paper', () => {
  it('writes the whole entry, fields in a fixed order, UTF-8 kept', () => {
    expect(exportBibtex([seed])).toBe(
      [
        '@article{ferrerperez2021oxytocin,',
        '  author = {Ferrer-Pérez, Carmen and Castro-Zavala, Adriana and Luján, Miguel Ángel and Martín-García, Elena and Maldonado, Rafael and Miñarro, José and Rodríguez-Arias, Marina},',
        '  title = {Oxytocin {Prevents} the {Increase} of {Cocaine-Related} {Responses} {Produced} by {Social} {Defeat}},',
        '  journal = {International Journal of Molecular Sciences},',
        '  year = {2021},',
        '  month = mar,',
        '  volume = {22},',
        '  number = {5},',
        '  pages = {2372},',
        '  issn = {1422-0067},',
        '  doi = {10.3390/ijms22052372},',
        '  pmid = {33673448},',
        '  pmcid = {PMC7956822},',
        '  keywords = {cocaine, conditioned place preference, oxytocin, social defeat}',
        '}',
        ''
      ].join('\n')
    )
  })

  it('writes accents as LaTeX commands when asked', () => {
    expect(field(seed, 'author', true)).toBe(
      "  author = {Ferrer-P{\\'e}rez, Carmen and Castro-Zavala, Adriana and Luj{\\'a}n, Miguel {\\'A}ngel and " +
        "Mart{\\'i}n-Garc{\\'i}a, Elena and Maldonado, Rafael and Mi{\\~n}arro, Jos{\\'e} and Rodr{\\'i}guez-Arias, Marina},"
    )
  })
})

describe('exportBibtex: titles keep their capitals', () => {
  it('braces an all-caps first word, which citation-js leaves bare', () => {
    expect(field(article({ title: 'DNA Sequencing of the oxytocin receptor gene' }), 'title')).toBe(
      '  title = {{DNA} {Sequencing} of the oxytocin receptor gene},'
    )
  })

  it('braces acronyms and mixed-case words wherever they stand', () => {
    expect(field(article({ title: 'mRNA levels of OXT and CRF after fMRI in Wistar rats' }), 'title')).toBe(
      '  title = {{mRNA} levels of {OXT} and {CRF} after {fMRI} in {Wistar} rats},'
    )
  })

  it('leaves a plain capitalised first word bare and keeps punctuation outside the braces', () => {
    expect(field(article({ title: 'Orexin (OX1R) signalling: a role in relapse?' }), 'title')).toBe(
      '  title = {Orexin ({OX1R}) signalling: a role in relapse?},'
    )
  })

  it('turns inline markup into LaTeX and drops other tags', () => {
    // real PubMed titles: metapub_38914053_sub_in_title.xml, metapub_37167981_mu_and_italic_in_title.xml
    expect(field(article({ title: 'Doped SnO<sub>2</sub>thin films fabricated at low temperature by atomic layer deposition' }), 'title')).toBe(
      '  title = {Doped {SnO}\\textsubscript{2}thin films fabricated at low temperature by atomic layer deposition},'
    )
    expect(field(article({ title: 'Monte Carlo simulation of micro-x-ray fluorescence (<i>&#x3bc;</i>-XRF)' }), 'title')).toBe(
      '  title = {Monte {Carlo} simulation of micro-x-ray fluorescence (\\textit{μ}-{XRF})},'
    )
    expect(field(article({ title: '<span class="x">Ca<sup>2+</sup></span> and <b>bold</b> <i>Oxtr</i>' }), 'title')).toBe(
      '  title = {Ca\\textsuperscript{2+} and \\textbf{bold} \\textit{{Oxtr}}},'
    )
  })

  it('reads markup that arrives entity-encoded', () => {
    // title of prereview_works_preprintsorg_title_encoded_html.json
    expect(field(article({ title: 'Genotypes of Lavender (&lt;em&gt;Lavandula angustifolia Mill.&lt;/em&gt;)' }), 'title')).toBe(
      '  title = {Genotypes of {Lavender} (\\textit{{Lavandula} angustifolia {Mill}.})},'
    )
  })

  it('closes a tag the source left open, so the braces stay balanced', () => {
    expect(field(article({ title: 'Effects of <i>Oxtr deletion' }), 'title')).toBe('  title = {Effects of \\textit{{Oxtr} deletion}},')
  })
})

describe('exportBibtex: LaTeX special characters', () => {
  it('escapes every special in text fields', () => {
    expect(field(article({ title: 'R&D at 5% cost: $10 #1 file_name {x} ~ ^ \\ p < 0.05' }), 'title')).toBe(
      '  title = {{R\\&D} at 5\\% cost: \\$10 \\#1 file\\_name \\textbraceleft{}x\\textbraceright{} ' +
        '\\textasciitilde{} \\textasciicircum{} \\textbackslash{} p \\textless{} 0.05},'
    )
    expect(field(article({ 'container-title': 'Drugs & Alcohol' }), 'journal')).toBe('  journal = {Drugs \\& Alcohol},')
    expect(field(article({ note: 'Cost 50% & more' }), 'note')).toBe('  note = {Cost 50\\% \\& more}')
  })

  it('keeps DOIs and URLs verbatim but for what breaks BibTeX', () => {
    const sici = article({
      DOI: '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0',
      URL: 'https://example.org/a_b~c?q=50%25#top'
    })
    expect(field(sici, 'doi')).toBe('  doi = {10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0},')
    expect(field(sici, 'url')).toBe('  url = {https://example.org/a_b~c?q=50\\%25\\#top}')
  })

  it('leaves out a URL that only repeats the DOI', () => {
    expect(field(seed, 'url')).toBeUndefined()
  })
})

describe('exportBibtex: non-ASCII text', () => {
  const item = article({
    title: 'Stress in Müller cells: façade of Ørsted, Straße, señal, α- and β-lactams, ΔFosB',
    author: [{ family: 'Søndergaard', given: 'Çağla' }]
  })

  it('stays UTF-8 by default', () => {
    expect(field(item, 'title')).toBe('  title = {Stress in {Müller} cells: façade of {Ørsted}, {Straße}, señal, α- and β-lactams, {ΔFosB}},')
    expect(field(item, 'author')).toBe('  author = {Søndergaard, Çağla},')
  })

  it('becomes LaTeX accents and math Greek with latexAccents', () => {
    expect(field(item, 'title', true)).toBe(
      '  title = {Stress in {M{\\"u}ller} cells: fa{\\c c}ade of {{\\O}rsted}, {Stra{\\ss}e}, se{\\~n}al, ' +
        '$\\alpha$- and $\\beta$-lactams, {{$\\Delta$}FosB}},'
    )
    expect(field(item, 'author', true)).toBe('  author = {S{\\o}ndergaard, {\\c C}a{\\u g}la},')
  })
})

describe('exportBibtex: names', () => {
  it('wraps an institution in braces so BibTeX keeps it whole', () => {
    expect(field(article({ author: [{ literal: 'World Health Organization' }] }), 'author')).toBe('  author = {{World Health Organization}},')
    // PubMed CollectiveName next to persons (metapub_39382274_collective_plus_persons_greek.xml)
    expect(field(article({ author: [{ family: 'Smith', given: 'Anna B' }, { literal: 'ESGARS Study Group & Partners' }] }), 'author')).toBe(
      '  author = {Smith, Anna B and {ESGARS Study Group \\& Partners}},'
    )
  })

  it('keeps particles, suffixes and one-word names', () => {
    const item = article({
      author: [
        { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
        { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { family: 'Neha' },
        { family: 'Da Exaltação Coutrim' }
      ],
      editor: [{ family: 'Young', given: 'Larry J' }]
    })
    expect(field(item, 'author')).toBe(
      '  author = {van der Berg, Jan and Beethoven, Ludwig van and King, Jr., Martin Luther and Neha and {Da Exaltação Coutrim}},'
    )
    expect(field(item, 'editor')).toBe('  editor = {Young, Larry J},')
  })
})

describe('exportBibtex: pages and dates', () => {
  it.each([
    ['2372', '2372'],
    ['519-527', '519--527'],
    ['635–641', '635--641'],
    ['101 - 9', '101--9'],
    ['e33693', 'e33693'],
    ['1-5, 7-9', '1--5, 7--9']
  ])('writes pages %s as %s', (page, written) => {
    expect(field(article({ page }), 'pages')).toBe(`  pages = {${written}}`)
  })

  it('writes every month as its BibTeX macro and leaves out a missing one', () => {
    const months = Array.from({ length: 12 }, (_, i) => field(article({ issued: { 'date-parts': [[2021, i + 1, 5]] } }), 'month'))
    expect(months).toEqual(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(m => `  month = ${m}`))
    expect(field(article({ issued: { 'date-parts': [[2021]] } }), 'month')).toBeUndefined()
    expect(field(article({ issued: { literal: 'Sep-Oct 2010' } }), 'year')).toBe('  year = {2010}')
  })
})

describe('exportBibtex: entry types', () => {
  const typeOf = (csl: Partial<CslFields>): string => entryLines(article(csl))[0]

  it.each([
    [{ type: 'article-journal' }, '@article{key,'],
    [{ type: 'review', 'container-title': undefined }, '@misc{key,'],
    [{ type: 'book' }, '@book{key,'],
    [{ type: 'chapter' }, '@incollection{key,'],
    [{ type: 'paper-conference' }, '@inproceedings{key,'],
    [{ type: 'thesis' }, '@phdthesis{key,'],
    [{ type: 'thesis', genre: "Master's thesis" }, '@mastersthesis{key,'],
    [{ type: 'report' }, '@techreport{key,'],
    [{ type: 'posted-content', subtype: 'preprint' }, '@misc{key,'],
    [{ type: 'article', genre: 'preprint' }, '@misc{key,'],
    [{ type: 'dataset' }, '@misc{key,'],
    [{ type: 'webpage' }, '@misc{key,'],
    [{ type: 'software' }, '@misc{key,']
  ])('%o → %s', (csl, first) => {
    expect(typeOf(csl)).toBe(first)
  })

  it('puts the book of a chapter in booktitle, with its editors and publisher', () => {
    const chapter = article({
      type: 'chapter',
      title: 'Oxytocin and social behaviour',
      'container-title': 'Handbook of Neuropeptides',
      editor: [{ family: 'Neumann', given: 'Inga D' }],
      publisher: 'Springer',
      'publisher-place': 'Cham',
      page: '10-30',
      ISBN: '978-3-030-00000-0'
    })
    expect(entryLines(chapter)).toEqual([
      '@incollection{key,',
      '  editor = {Neumann, Inga D},',
      '  title = {Oxytocin and social behaviour},',
      '  booktitle = {Handbook of Neuropeptides},',
      '  publisher = {Springer},',
      '  address = {Cham},',
      '  year = {2020},',
      '  pages = {10--30},',
      '  isbn = {978-3-030-00000-0}',
      '}'
    ])
  })

  it('marks a preprint as such and names its server', () => {
    // shaped like the medRxiv record in citationjs_doiorg_csljson_4dois.json
    const preprint = article({
      type: 'posted-content',
      subtype: 'preprint',
      title: 'Significant reduction in humoral immunity among healthcare workers',
      'container-title': [] as unknown as string, // what doi.org really sends for a preprint
      publisher: 'Cold Spring Harbor Laboratory',
      DOI: '10.1101/2021.08.15.21262067',
      URL: 'http://medrxiv.org/lookup/doi/10.1101/2021.08.15.21262067'
    })
    expect(entryLines(preprint)).toEqual([
      '@misc{key,',
      '  title = {Significant reduction in humoral immunity among healthcare workers},',
      '  howpublished = {Cold Spring Harbor Laboratory},',
      '  year = {2020},',
      '  doi = {10.1101/2021.08.15.21262067},',
      '  url = {http://medrxiv.org/lookup/doi/10.1101/2021.08.15.21262067},',
      '  note = {Preprint}',
      '}'
    ])
  })

  it('names the school of a thesis and the institution of a report', () => {
    expect(field(article({ type: 'thesis', publisher: 'Universitat de València' }), 'school')).toBe('  school = {Universitat de València},')
    expect(field(article({ type: 'report', publisher: 'NIDA', number: 'TR-7' }), 'institution')).toBe('  institution = {NIDA},')
    expect(field(article({ type: 'report', publisher: 'NIDA', number: 'TR-7' }), 'number')).toBe('  number = {TR-7}')
  })
})

describe('exportBibtex: abstracts and keys', () => {
  it('converts abstract markup without brace protection', () => {
    const item = article({
      abstract: '<jats:p>We measured <jats:italic>Oxt</jats:italic> mRNA in CA1 (p &lt; 0.05).</jats:p><jats:p>Next.</jats:p>'
    })
    expect(field(item, 'abstract')).toBe('  abstract = {We measured \\textit{Oxt} mRNA in CA1 (p \\textless{} 0.05). Next.}')
  })

  it('builds an abstract from labelled sections when there is no single text', () => {
    const item = article(
      {},
      {
        abstractSections: [
          { label: 'BACKGROUND', text: 'Stress.' },
          { label: 'RESULTS', text: 'OXT helps.' }
        ]
      }
    )
    expect(field(item, 'abstract')).toBe('  abstract = {BACKGROUND: Stress. RESULTS: OXT helps.}')
  })

  it('uses stored keys, makes missing ones, and never repeats a key', () => {
    const noKey = (title: string): ExportItem => ({ ...article({ title, author: [{ family: 'Ferrer-Pérez' }] }), citationKey: undefined })
    const firstLines = exportBibtex([
      { ...seed },
      { ...seed, citationKey: 'ferrerperez2021oxytocin' },
      noKey('Oxytocin again'),
      article({}, { citationKey: 'ferrerperez2020oxytocina' }),
      noKey('Oxytocin once more')
    ])
      .split('\n')
      .filter(line => line.startsWith('@'))
    expect(firstLines).toEqual([
      '@article{ferrerperez2021oxytocin,',
      '@article{ferrerperez2021oxytocina,',
      '@article{ferrerperez2020oxytocin,',
      '@article{ferrerperez2020oxytocina,',
      '@article{ferrerperez2020oxytocinb,'
    ])
  })

  it('separates entries by one blank line and writes nothing for no items', () => {
    const text = exportBibtex([seed, article({ title: 'Second' })])
    expect(text.split('\n}\n\n@')).toHaveLength(2)
    expect(text.endsWith('}\n')).toBe(true)
    expect(exportBibtex([])).toBe('')
  })
})
