import { describe, expect, test } from 'vitest'
import { parseQuery, type Clause } from './query'

const word = (words: string[], more: Partial<Extract<Clause, { kind: 'text' }>> = {}): Clause => ({
  kind: 'text',
  field: undefined,
  words,
  value: words.join(' '),
  prefix: false,
  exclude: false,
  ...more
})
const year = (from: number, to: number, exclude = false): Clause => ({ kind: 'year', from, to, exclude })

// What the researcher types (a trailing space means the last word is finished) → the clauses.
const CASES: [string, Clause[]][] = [
  ['', []],
  ['   ', []],
  ['oxytocin ', [word(['oxytocin'])]],
  ['oxyt', [word(['oxyt'], { prefix: true })]],
  ['oxytocin vasopressin', [word(['oxytocin']), word(['vasopressin'], { prefix: true })]],
  ['Oxytocin  VASOPRESSIN ', [word(['oxytocin'], { value: 'oxytocin' }), word(['vasopressin'])]],
  ['Miñarro ', [word(['minarro'], { value: 'miñarro' })]],
  ['"social fear" ', [word(['social', 'fear'])]],
  ['"social fe', [word(['social', 'fe'], { prefix: true })]],
  ['"social fear"', [word(['social', 'fear'])]],
  ['-cocaine ', [word(['cocaine'], { exclude: true })]],
  ['-coca', [word(['coca'], { exclude: true })]],
  ['-"social fear" ', [word(['social', 'fear'], { exclude: true })]],
  ['- oxytocin ', [word(['oxytocin'])]],
  ['anti-inflammatory ', [word(['anti', 'inflammatory'], { value: 'anti-inflammatory' })]],
  ['author:minarro ', [word(['minarro'], { field: 'author' })]],
  ['Author:Müller ', [word(['muller'], { field: 'author', value: 'müller' })]],
  ['author:"de vries" ', [word(['de', 'vries'], { field: 'author' })]],
  ['au:young', [word(['young'], { field: 'author', prefix: true })]],
  ['-author:koob ', [word(['koob'], { field: 'author', exclude: true })]],
  ['title:"gut microbiota" ', [word(['gut', 'microbiota'], { field: 'title' })]],
  ['journal:"Proc Natl Acad Sci U S A" ', [word(['proc', 'natl', 'acad', 'sci', 'u', 's', 'a'], { field: 'journal', value: 'proc natl acad sci u s a' })]],
  ['tag:review ', [word(['review'], { field: 'tag' })]],
  ['mesh:"Receptors, Oxytocin" ', [word(['receptors', 'oxytocin'], { field: 'mesh', value: 'receptors, oxytocin' })]],
  ['keyword:microbiome ', [word(['microbiome'], { field: 'keyword' })]],
  ['kw:BNST ', [word(['bnst'], { field: 'keyword', value: 'bnst' })]],
  ['note:chapter ', [word(['chapter'], { field: 'note' })]],
  ['peptide:orexin ', [word(['orexin'], { field: 'peptide' })]],
  ['β-endorphin ', [word(['beta', 'endorphin'], { value: 'β-endorphin' })]],
  ['μ-opioid ', [word(['mu', 'opioid'], { value: 'μ-opioid' })]],
  ['doi:10.1073/PNAS.2308706120 ', [word([], { field: 'doi', value: '10.1073/pnas.2308706120' })]],
  ['doi:https://doi.org/10.1038/s41390-024-03336-8 ', [word([], { field: 'doi', value: '10.1038/s41390-024-03336-8' })]],
  ['doi:10.1073', [word([], { field: 'doi', value: '10.1073', prefix: true })]],
  ['pmid:38147649 ', [word([], { field: 'pmid', value: '38147649' })]],
  ['pmcid:10769841 ', [word([], { field: 'pmcid', value: 'pmc10769841' })]],
  ['key:Ritz2024 ', [word([], { field: 'citekey', value: 'ritz2024' })]],
  ['year:2019 ', [year(2019, 2019)]],
  ['year:2015-2021 ', [year(2015, 2021)]],
  ['year:2021-2015 ', [year(2015, 2021)]],
  ['year:2015..2021 ', [year(2015, 2021)]],
  ['year:>2015 ', [year(2016, 9999)]],
  ['year:>=2015 ', [year(2015, 9999)]],
  ['year:<2000 ', [year(0, 1999)]],
  ['year:2015-', [year(2015, 9999)]],
  ['year:201', [year(2010, 2019)]],
  ['-year:2020 ', [year(2020, 2020, true)]],
  ['year:recent ', [word(['year', 'recent'], { value: 'year:recent' })]],
  ['foo:bar ', [word(['foo', 'bar'], { value: 'foo:bar' })]],
  ['author: smith ', [word(['author']), word(['smith'])].map((c, i) => (i === 0 ? { ...c, value: 'author:' } : c))],
  ['& ', []],
  [
    'oxytocin author:"young" year:2000-2010 -rat',
    [word(['oxytocin']), word(['young'], { field: 'author' }), year(2000, 2010), word(['rat'], { exclude: true })]
  ]
]

describe('parseQuery', () => {
  test.each(CASES)('%j', (text, clauses) => {
    expect(parseQuery(text).clauses).toEqual(clauses)
  })

  test('at least 25 cases are covered', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25)
  })
})
