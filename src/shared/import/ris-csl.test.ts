import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-ris'
import TYPES from '@citation-js/plugin-ris/lib/spec/types.json'
import { SPECS } from '@citation-js/plugin-ris/lib/spec/index.js'
import { decodeBibliography } from './decode'
import { risToCsl } from './ris-csl'
import { readRisRecord, risRecordTexts, type RisTags } from './ris-records'

/** What a conversion gives, as text (field order included), or the error it throws. */
function outcome(convert: () => unknown): string {
  try {
    return JSON.stringify(convert())
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`
  }
}

const theirs = (tags: RisTags) => outcome(() => plugins.input.chain(tags, { forceType: '@ris/record', generateGraph: false })[0])
const ours = (tags: RisTags) => outcome(() => risToCsl(tags))

const FOLDERS = ['e2e/fixtures/ris', 'e2e/fixtures/bad-input']
const fixtureRecords = FOLDERS.flatMap(dir =>
  readdirSync(dir)
    .filter(file => file.endsWith('.ris'))
    .flatMap(file => risRecordTexts(decodeBibliography(new Uint8Array(readFileSync(`${dir}/${file}`))).text).map(text => readRisRecord(text).tags))
).filter(tags => tags.TY)

describe("each RIS record's CSL, by each type's rules picked once", () => {
  it("is citation-js's, field for field and in its order, for every record of the RIS fixtures", () => {
    expect(fixtureRecords.length).toBeGreaterThan(60)
    for (const tags of fixtureRecords) expect([tags, ours(tags)]).toEqual([tags, theirs(tags)])
  })

  // every tag a rule reads, with values of each kind a converter meets (names, dates, pages, ISSNs, DOIs, lists)
  const TAGS = [...new Set(SPECS.mixed.flatMap(rule => [rule.source ?? []].flat()))]
  const VALUES = [
    'Smith, Ana',
    'Smith, Ana, Jr.',
    'Smith',
    'World Health Organization',
    'van der Berg, Jan',
    '2019',
    '2019/05/03/',
    '2019/05//',
    '2020///Spring',
    'n.d.',
    'Spring 2001',
    '1234-567X',
    '978-3-16-148410-0',
    '10.1234/abc.def',
    'doi: 10.1000/xyz123.',
    'https://doi.org/10.5555/12345678',
    '123',
    '45-67',
    'e1002',
    'Oxytocin and social memory',
    'PMC1234567',
    '31452104',
    'eng'
  ]
  const TY = [...Object.keys(TYPES.RIS), 'GEN', 'NOTATYPE']

  function* generated(count: number): Generator<RisTags> {
    let seed = 13
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
    for (let n = 0; n < count; n++) {
      const tags: RisTags = { TY: TY[n % TY.length] }
      for (let field = 0; field < 1 + Math.floor(random() * 12); field++) {
        const tag = pick(TAGS)
        tags[tag] = random() < 0.2 ? [pick(VALUES), pick(VALUES)] : pick(VALUES)
      }
      yield tags
    }
  }

  it("is citation-js's for 6,000 generated records of every type, with every tag a rule reads", () => {
    for (const tags of generated(6_000)) expect([tags, ours(tags)]).toEqual([tags, theirs(tags)])
  })

  it("is citation-js's for a journal article as exports write it, every tag at once", () => {
    const article: RisTags = {
      TY: 'JOUR',
      ID: 'smith2019',
      AU: ['Smith, Ana', 'Jones, B'],
      TI: 'Oxytocin and social memory',
      T2: 'Journal of Neuroscience',
      JO: 'J Neurosci',
      PY: '2019',
      DA: '2019/05/03/',
      VL: '39',
      IS: '4',
      SP: '100',
      EP: '110',
      PB: 'Society for Neuroscience',
      CY: 'Washington',
      SN: '0270-6474',
      DO: '10.1523/JNEUROSCI.1234-18.2019',
      AN: '31452104',
      C2: 'PMC1234567',
      UR: 'https://example.org/a',
      KW: ['oxytocin', 'memory'],
      AB: 'An abstract.',
      N1: 'A note.',
      LA: 'eng'
    }
    expect(ours(article)).toBe(theirs(article))
    expect(JSON.parse(ours(article))).toMatchObject({ type: 'article-journal', 'container-title': 'Journal of Neuroscience', page: '100-110' })
  })
})
