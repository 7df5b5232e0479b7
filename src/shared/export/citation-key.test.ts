import { describe, expect, it } from 'vitest'
import type { CslFields, CslName } from '../model'
import { makeCitationKey, uniqueCitationKey } from './citation-key'

function item(author: CslName[] | undefined, year: number | undefined, title: string, more: Partial<CslFields> = {}) {
  return {
    csl: {
      type: 'article-journal',
      ...(author ? { author } : {}),
      ...(year ? { issued: { 'date-parts': [[year, 3]] } } : {}),
      title,
      ...more
    }
  }
}

const seedAuthors: CslName[] = [
  { family: 'Ferrer-Pérez', given: 'Carmen' },
  { family: 'Castro-Zavala', given: 'Adriana' }
]
const seedTitle = 'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat'

describe('makeCitationKey', () => {
  it.each([
    ['the seed paper', item(seedAuthors, 2021, seedTitle), 'ferrerperez2021oxytocin'],
    ['a family name with a tilde', item([{ family: 'Miñarro', given: 'José' }], 2019, 'Social stress'), 'minarro2019social'],
    ['accents and hyphens', item([{ family: 'Rodríguez-Arias', given: 'M' }], 2016, 'Cocaine'), 'rodriguezarias2016cocaine'],
    ['letters NFD cannot split', item([{ family: 'Søndergaard-Straße' }], 2018, 'Øresund study'), 'sondergaardstrasse2018oresund'],
    ['a split-off particle', item([{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' }], 2020, 'Vasopressin'), 'vanderberg2020vasopressin'],
    ['a particle kept in the family name', item([{ family: 'van der Berg', given: 'Jan' }], 2020, 'Vasopressin'), 'vanderberg2020vasopressin'],
    ['an apostrophe in the name', item([{ family: "D'Agostino", given: 'A' }], 2021, 'The Impact of mHealth'), 'dagostino2021impact'],
    ['an institution', item([{ literal: 'World Health Organization' }], 2022, 'Guidelines on opioid use'), 'who2022guidelines'],
    ['a one-word consortium', item([{ literal: 'MoTrPAC' }], 2024, 'Endurance training'), 'motrpac2024endurance'],
    ['no author, an editor', item(undefined, 2015, 'Handbook of neuropeptides', { editor: [{ family: 'Neumann', given: 'I' }] }), 'neumann2015handbook'],
    ['no author at all', item(undefined, 2015, 'Anonymous report'), 'anon2015anonymous'],
    ['no year', item(seedAuthors, undefined, seedTitle), 'ferrerperezndoxytocin'],
    ['a year only as text', item(seedAuthors, undefined, seedTitle, { issued: { literal: 'Sep-Oct 2010' } }), 'ferrerperez2010oxytocin'],
    ['stop words first', item(seedAuthors, 2021, 'On the Role of an Oxytocin Receptor'), 'ferrerperez2021role'],
    ['markup in the title', item(seedAuthors, 2021, '<i>In vivo</i> imaging of <i>Oxt</i> neurons'), 'ferrerperez2021vivo'],
    ['a Greek letter first', item(seedAuthors, 2021, 'β-Endorphin and stress'), 'ferrerperez2021endorphin'],
    ['no title', item(seedAuthors, 2021, ''), 'ferrerperez2021'],
    ['a mononym author', item([{ family: 'Neha' }], 2023, 'Exploring G-quadruplex structure'), 'neha2023exploring'],
    // a long title is first looked for its words in its start: these find none there, or only markup's
    [
      'a long title whose first word comes late',
      item(seedAuthors, 2021, `${'of the '.repeat(8)}and a Vasopressin study on the role of it`),
      'ferrerperez2021vasopressin'
    ],
    [
      'markup cut by the start of a long title',
      item(seedAuthors, 2021, 'On the <span class="a long class name that goes on and on">Oxytocin</span> receptor'),
      'ferrerperez2021oxytocin'
    ],
    ['a long title whose first word is in its start', item(seedAuthors, 2021, `Émotions and ${'oxytocin '.repeat(12)}`), 'ferrerperez2021emotions']
  ])('%s', (_, record, key) => {
    expect(makeCitationKey(record, new Set())).toBe(key)
  })
})

describe('makeCitationKey: collisions', () => {
  const seed = item(seedAuthors, 2021, seedTitle)

  it('adds a, b, … without renaming the keys already taken', () => {
    const taken = new Set(['ferrerperez2021oxytocin'])
    const second = makeCitationKey(seed, taken)
    taken.add(second)
    const third = makeCitationKey(seed, taken)
    expect([second, third]).toEqual(['ferrerperez2021oxytocina', 'ferrerperez2021oxytocinb'])
    expect(taken.has('ferrerperez2021oxytocin')).toBe(true)
  })

  it('treats keys that differ only in case as taken, as BibTeX does (taken keys are kept lower-cased)', () => {
    const taken = new Set(['FerrerPerez2021Oxytocin'.toLowerCase()])
    expect(makeCitationKey({ ...seed, csl: { ...seed.csl } }, taken)).toBe('ferrerperez2021oxytocina')
    expect(uniqueCitationKey('FerrerPerez2021Oxytocin', taken)).toBe('FerrerPerez2021Oxytocina')
  })

  it('goes from z to aa', () => {
    const taken = new Set(['k', ...'abcdefghijklmnopqrstuvwxyz'.split('').map(letter => `k${letter}`)])
    expect(uniqueCitationKey('k', taken)).toBe('kaa')
    expect(uniqueCitationKey('k', new Set([...taken, 'kaa']))).toBe('kab')
  })
})

describe('makeCitationKey: patterns', () => {
  const seed = item(seedAuthors, 2021, seedTitle, {
    'container-title': 'International Journal of Molecular Sciences'
  })

  it.each([
    ['[Auth][year]', 'FerrerPerez2021'],
    ['[auth]_[shorttitle3]', 'ferrerperez_oxytocinpreventsincrease'],
    ['[auth]:[journal]:[year]', 'ferrerperez:ijms:2021'],
    ['ref-[year]', 'ref-2021'],
    ['[unknown][year]', '2021']
  ])('%s → %s', (pattern, key) => {
    expect(makeCitationKey(seed, new Set(), pattern)).toBe(key)
  })

  it('prefers the short journal title when there is one', () => {
    expect(makeCitationKey({ csl: { ...seed.csl, 'container-title-short': 'Int J Mol Sci' } }, new Set(), '[journal]')).toBe('intjmolsci')
  })
})
