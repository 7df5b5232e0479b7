// The citation keys in use that start like a new paper's key, ignoring case, so
// the new one can be made unique. Dexie's startsWithIgnoreCase walks the index
// with a cursor, one round trip to IndexedDB per jump between case forms: at
// 100,000 papers 25–65 ms of adding one paper. Every key that starts like
// `base` starts with one case form of its first letters, so those few ranges
// are read at once, in one round trip, and the keys checked here.
import type { NeurorefDb } from './schema'

/** Letters of the start whose case forms are read: 2³ ranges at most. */
const FORMS_OF = 3

/** `start` in every combination of upper and lower case (each character's forms once). */
function caseForms(start: string): string[] {
  let forms = ['']
  for (const char of start) {
    const both = [...new Set([char.toLowerCase(), char.toUpperCase()])]
    forms = forms.flatMap(form => both.map(c => form + c))
  }
  return forms
}

/** Lower-cased keys in use that start like any of `bases`, ignoring case. */
export async function keysInUseLike(db: NeurorefDb, bases: string[]): Promise<Set<string>> {
  const wanted = [...new Set(bases.filter(Boolean).map(base => base.toLowerCase()))]
  const starts = new Set(wanted.flatMap(base => caseForms(base.slice(0, FORMS_OF))))
  const found = await Promise.all(
    [...starts].map(start =>
      db.items
        .where('citationKey')
        .between(start, start + '\uffff', true, true)
        .keys()
    )
  )
  const keys = new Set<string>()
  for (const key of found.flat() as string[]) {
    const lower = key.toLowerCase()
    if (wanted.some(base => lower.startsWith(base))) keys.add(lower)
  }
  return keys
}
