// PubMed dates come in three shapes: Year/Month/Day (month as "Sep" or "09"),
// Year + Season ("Spring"), or a free-text MedlineDate ("2010 Sep-Oct",
// "1998 Dec-1999 Jan"). All become CSL dates a style can print.
import type { CslDate } from '@shared/model'
import { textAt, type XmlElement } from './ncbi-xml'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** CSL numbers the seasons 1–4 (spring, summer, autumn, winter). */
const SEASONS: Record<string, number> = { spring: 1, summer: 2, autumn: 3, fall: 3, winter: 4 }

/** "Sep", "September", "09" or "9" → 9; undefined for anything else. */
export function monthNumber(month: string | undefined): number | undefined {
  if (!month) return undefined
  if (/^\d{1,2}$/.test(month)) {
    const n = Number(month)
    return n >= 1 && n <= 12 ? n : undefined
  }
  const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase())
  return index >= 0 ? index + 1 : undefined
}

function dayNumber(day: string | undefined): number | undefined {
  const n = day && /^\d{1,2}$/.test(day) ? Number(day) : undefined
  return n && n <= 31 ? n : undefined
}

/** A Year/Month/Day element (PubDate, ArticleDate, PubMedPubDate) as date-parts. */
function dateParts(el: XmlElement): (number | string)[] | undefined {
  const year = textAt(el, 'Year')
  if (!year || !/^\d{4}$/.test(year)) return undefined
  const month = monthNumber(textAt(el, 'Month'))
  const day = month ? dayNumber(textAt(el, 'Day')) : undefined
  return [Number(year), ...(month ? [month] : []), ...(day ? [day] : [])]
}

/** A journal issue's PubDate (or a book's) as a CSL date. */
export function publicationDate(pubDate: XmlElement | undefined): CslDate | undefined {
  if (!pubDate) return undefined
  const medlineDate = textAt(pubDate, 'MedlineDate')
  if (medlineDate) {
    // Ranges and odd forms keep their text; the first year still sorts and cites.
    const year = medlineDate.match(/\b(1[5-9]\d\d|2\d\d\d)\b/)?.[1]
    return year ? { 'date-parts': [[Number(year)]], raw: medlineDate } : { literal: medlineDate }
  }
  const parts = dateParts(pubDate)
  if (!parts) return undefined
  const season = textAt(pubDate, 'Season')
  if (season && parts.length === 1) {
    return { 'date-parts': [parts], season: SEASONS[season.toLowerCase()] ?? season }
  }
  return { 'date-parts': [parts] }
}

/** A complete date element (ArticleDate, BeginningDate) as a CSL date. */
export function simpleDate(el: XmlElement | undefined): CslDate | undefined {
  const parts = el ? dateParts(el) : undefined
  return parts ? { 'date-parts': [parts] } : undefined
}
