// Small pieces both PubMed record shapes (journal article, book) share.
import type { ReferenceRecord } from '@shared/model'
import { all, textOf, type XmlElement } from './ncbi-xml'

/** PubMed's ISO 639-2 codes → the ISO 639-1 codes CSL styles expect, for the languages PubMed indexes most. */
const ISO_639_1: Record<string, string> = {
  eng: 'en',
  ger: 'de',
  deu: 'de',
  fre: 'fr',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  dut: 'nl',
  nld: 'nl',
  swe: 'sv',
  nor: 'no',
  nob: 'nb',
  dan: 'da',
  fin: 'fi',
  ice: 'is',
  isl: 'is',
  pol: 'pl',
  cze: 'cs',
  ces: 'cs',
  slo: 'sk',
  slk: 'sk',
  hun: 'hu',
  rum: 'ro',
  ron: 'ro',
  bul: 'bg',
  hrv: 'hr',
  scr: 'hr',
  srp: 'sr',
  slv: 'sl',
  rus: 'ru',
  ukr: 'uk',
  gre: 'el',
  ell: 'el',
  tur: 'tr',
  heb: 'he',
  ara: 'ar',
  per: 'fa',
  fas: 'fa',
  jpn: 'ja',
  chi: 'zh',
  zho: 'zh',
  kor: 'ko',
  tha: 'th',
  vie: 'vi',
  ind: 'id',
  lit: 'lt',
  lav: 'lv',
  est: 'et',
  cat: 'ca'
}

/** The first Language element as a CSL language code ('ENG' and 'eng' → 'en'); unknown codes stay as written. */
export function readLanguage(parent: XmlElement | undefined, path: string): string | undefined {
  const code = textOf(all(parent, path)[0])?.toLowerCase()
  return code ? (ISO_639_1[code] ?? code) : undefined
}

/** Drop fields that are undefined or empty lists, so records only say what PubMed said. */
function withoutEmpty<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T
}

/** The parts every PubMed record carries beside its CSL fields. */
export function pubmedRecord(csl: ReferenceRecord['csl'], extras: Omit<ReferenceRecord, 'csl' | 'sources'>): ReferenceRecord {
  return { csl: withoutEmpty(csl), ...withoutEmpty(extras), sources: ['pubmed'] }
}
