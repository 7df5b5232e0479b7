// The style a document says it is cited in (Zotero's preferences carry the
// style's CSL id and language), found among the styles Neuroref has: one in
// use already, or one of the CSL repository's (an old, renamed id included),
// with its language made ready to format in. Undefined when Neuroref has no
// such style: the researcher chooses one.
import { styleSlug } from '@shared/export/csl-style-info'
import { hasLocale, learnLocale, styleForCslId } from '@shared/export/styles'
import type { OpenedManuscript } from './manuscript-client'
import { api } from '../../root'

export interface DocumentStyle {
  /** the style's id in Neuroref, to choose it */
  id: string
  label: string
  /** the document's language, when Neuroref has it */
  locale?: string
}

async function languageReady(lang: string | undefined): Promise<string | undefined> {
  if (!lang || hasLocale(lang)) return lang
  const locale = await api['styles.locale']({ lang })
  if (!locale.ok) return undefined
  learnLocale(locale.value.lang, locale.value.xml)
  return locale.value.lang
}

/** `formatting`: the document's language is fetched too, to format in it. */
export async function documentStyleOf(doc: OpenedManuscript, formatting = false): Promise<DocumentStyle | undefined> {
  const named = doc.documentStyle
  if (!named) return undefined
  const locale = formatting ? await languageReady(named.locale) : named.locale
  const known = styleForCslId(named.cslId)
  if (known) return { id: known.id, label: known.label, locale }
  const found = await api['styles.search']({ ids: [styleSlug(named.cslId)] })
  const entry = found.ok ? found.value.styles[0] : undefined
  return entry && { id: entry.id, label: entry.title, locale }
}
