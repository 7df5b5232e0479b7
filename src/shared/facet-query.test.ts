import { describe, expect, it } from 'vitest'
import {
  withoutYear,
  hasQualifier,
  peptideQualifier,
  qualifier,
  qualifiersIn,
  searchTokens,
  toggleQualifier,
  typeQualifier,
  yearQualifier,
  yearRangeOf
} from './facet-query'

describe('facet qualifiers', () => {
  it('writes qualifiers as a researcher would type them', () => {
    expect(peptideQualifier('Oxytocin')).toBe('peptide:oxytocin')
    expect(peptideQualifier('Neuropeptide Y')).toBe('peptide:"neuropeptide y"')
    expect(qualifier('mesh', 'Social Behavior')).toBe('mesh:"Social Behavior"')
    expect(qualifier('journal', 'Int J Mol Sci')).toBe('journal:"Int J Mol Sci"')
    expect(qualifier('journal', 'Gut')).toBe('journal:Gut')
    expect(typeQualifier('Review')).toBe('type:review')
    expect(typeQualifier('Randomized Controlled Trial')).toBe('type:"randomized controlled trial"')
    expect(yearQualifier(2015, 2021)).toBe('year:2015-2021')
    expect(yearQualifier(2021, 2015)).toBe('year:2015-2021')
    expect(yearQualifier(2019)).toBe('year:2019')
    expect(qualifier('journal', 'Tidsskrift: "ny raekke"')).toBe('journal:"Tidsskrift: ny raekke"')
  })

  it('keeps quoted values whole when splitting the search', () => {
    expect(searchTokens('stress  mesh:"Social Behavior" -mice "nucleus accumbens"')).toEqual([
      'stress',
      'mesh:"Social Behavior"',
      '-mice',
      '"nucleus accumbens"'
    ])
  })

  it('adds a value to the search, and takes it away on a second click', () => {
    const once = toggleQualifier('stress', 'mesh:"Social Behavior"')
    expect(once).toBe('stress mesh:"Social Behavior"')
    expect(hasQualifier(once, 'MESH:"social behavior"')).toBe(true)
    expect(toggleQualifier(once, 'mesh:"Social Behavior"')).toBe('stress')
    expect(toggleQualifier('', 'peptide:oxytocin')).toBe('peptide:oxytocin')
  })

  it('tells which facet values the search holds, as hasQualifier does for each (the search read once for a whole list)', () => {
    const search = 'stress MESH:"social behavior" -type:review year:2019 peptide:oxytocin'
    const active = qualifiersIn(search)
    const tokens = ['mesh:"Social Behavior"', 'mesh:Social', 'type:review', '-type:review', 'year:2019', 'peptide:OXYTOCIN', 'journal:Gut', 'stress']
    expect(tokens.map(active)).toEqual([true, false, false, true, true, true, false, true])
    expect(tokens.map(token => hasQualifier(search, token))).toEqual(tokens.map(active))
  })

  it('replaces the year rather than asking for two years at once', () => {
    expect(toggleQualifier('oxytocin year:2019', 'year:2015-2021')).toBe('oxytocin year:2015-2021')
    expect(yearRangeOf('oxytocin year:2015-2021')).toEqual({ from: 2015, to: 2021 })
    expect(yearRangeOf('year:2019')).toEqual({ from: 2019, to: 2019 })
    expect(yearRangeOf('oxytocin')).toBeUndefined()
    expect(withoutYear('oxytocin year:2015-2021 mesh:"Social Behavior"')).toBe('oxytocin mesh:"Social Behavior"')
  })
})
