// Date shapes that the recorded replies show only once or not at all.
import { describe, expect, it } from 'vitest'
import { monthNumber, publicationDate } from './parse-dates'
import { parseXmlTree, type XmlElement } from './xml-tree'

const pubDate = (inner: string): XmlElement => parseXmlTree(`<PubDate>${inner}</PubDate>`) as XmlElement

describe('publicationDate', () => {
  it('keeps a MedlineDate that spans two years, citing the first', () => {
    expect(publicationDate(pubDate('<MedlineDate>1998 Dec-1999 Jan</MedlineDate>'))).toEqual({ 'date-parts': [[1998]], raw: '1998 Dec-1999 Jan' })
  })
  it('numbers the seasons the way CSL does and keeps unknown ones as text', () => {
    expect(publicationDate(pubDate('<Year>2001</Year><Season>Winter</Season>'))).toEqual({ 'date-parts': [[2001]], season: 4 })
    expect(publicationDate(pubDate('<Year>2001</Year><Season>1st Quart</Season>'))).toEqual({ 'date-parts': [[2001]], season: '1st Quart' })
  })
  it('reads month names and numbers, and ignores a day without a month', () => {
    expect(publicationDate(pubDate('<Year>2017</Year><Month>Jun</Month><Day>05</Day>'))).toEqual({ 'date-parts': [[2017, 6, 5]] })
    expect(publicationDate(pubDate('<Year>2017</Year><Day>05</Day>'))).toEqual({ 'date-parts': [[2017]] })
    expect(monthNumber('09')).toBe(9)
    expect(monthNumber('September')).toBe(9)
    expect(monthNumber('13')).toBeUndefined()
  })
})
