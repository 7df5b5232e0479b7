// The window's side of the styles.* channels: search the CSL repository as the
// researcher types, and make a style (and a language) usable before formatting
// with it. Formatting itself stays synchronous: a style is fetched once, here.
import type { Result } from '@shared/result'
import { findStyle, hasLocale, learnLocale, learnShippedStyle, type CitationStyle } from '@shared/export/styles'
import type { StyleEntry, StyleLocale, StyleSearchResult } from '@shared/styles/catalogue'
import { api } from '../../root'
import { sentenceFor } from '../../messages'

async function answer<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(sentenceFor(result.error))
  return result.value
}

export function searchStyles(query: string, limit = 50): Promise<StyleSearchResult> {
  return answer(api['styles.search']({ query, limit }))
}

/** Favourites and recently used styles, in the order given (styles that no longer exist are left out). */
export async function describeStyles(ids: string[]): Promise<StyleEntry[]> {
  const repository = ids.filter(id => !id.startsWith('custom-'))
  if (!repository.length) return []
  return (await answer(api['styles.search']({ ids: repository }))).styles
}

let locales: Promise<StyleLocale[]> | undefined
export function styleLocales(): Promise<StyleLocale[]> {
  locales ??= answer(api['styles.locales']()).catch(error => {
    locales = undefined
    throw error
  })
  return locales
}

/**
 * The style ready to format with, in `lang` when given: a bundled or added
 * style is there already, a repository style is fetched once (an old, renamed
 * id answers with the style's current id).
 */
export async function ensureStyle(id: string, lang?: string): Promise<CitationStyle> {
  const known = findStyle(id)
  if (known && (!lang || hasLocale(lang))) return known
  if (known || id.startsWith('custom-')) {
    if (lang) learnLocale(lang, (await answer(api['styles.locale']({ lang }))).xml)
    return known ?? Promise.reject(new Error(`The citation style “${id}” is not available. Choose another style.`))
  }
  return learnShippedStyle(await answer(api['styles.get']({ id, lang })))
}

/** The shipped language closest to the system's ("de" → de-DE), or none. */
export function systemLocale(shipped: StyleLocale[], system: readonly string[] = navigator.languages): string | undefined {
  for (const wanted of system) {
    const exact = shipped.find(locale => locale.lang.toLowerCase() === wanted.toLowerCase())
    if (exact) return exact.lang
    const language = wanted.split('-')[0].toLowerCase()
    const near = shipped.find(locale => locale.lang.toLowerCase().split('-')[0] === language)
    if (near) return near.lang
  }
  return undefined
}
