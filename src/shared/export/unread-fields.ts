// A paper's abstract and keywords are most of its CSL-JSON (three quarters of
// the bytes in a typical library), and citeproc-js never reads either unless a
// style names it (neither word occurs in citeproc's code). Leaving them out
// where the style does not name them gives the same entries, with far less to
// hash, clean, copy to a helper worker and copy again inside citeproc.
import { plugins, type CslRecord } from '@citation-js/core'

/** Fields citeproc reads only where a style's CSL names them as variables. */
const READ_BY_NAME_ONLY = ['abstract', 'keyword']

/** The fields of READ_BY_NAME_ONLY the style's rules (`template`, citation-js's id) never name. */
export function unreadFields(template: string): string[] {
  const rules: string | undefined = plugins.config.get('@csl').templates.get(template)
  return rules ? READ_BY_NAME_ONLY.filter(field => !rules.includes(field)) : []
}

/** The records without the fields the style's rules (`template`, citation-js's id) never name; the same objects where there is nothing to leave out. */
export function withoutUnreadFields(records: CslRecord[], template: string): CslRecord[] {
  const unread = unreadFields(template)
  if (!unread.length) return records
  return records.map(record => {
    if (!unread.some(field => field in record)) return record
    const kept: Record<string, unknown> = {}
    for (const field in record) if (!unread.includes(field)) kept[field] = record[field as keyof CslRecord]
    return kept as CslRecord
  })
}
