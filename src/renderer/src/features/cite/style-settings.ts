// The researcher's citation styles between sessions: the .csl files they
// added (setting "customStyles"), the style they chose last ("citationStyle"),
// their favourite and recently used styles and the language they chose.
import type { NeurorefDb } from '../../library/schema'
import { readSetting, updateSetting, writeSetting } from '../../library/settings'
import { customStyleId, DEFAULT_STYLE, findStyle, registerStyle, type CitationStyle } from '@shared/export/styles'

export interface SavedStyle {
  id: string
  xml: string
}

const CUSTOM_STYLES = 'customStyles'
const CHOSEN_STYLE = 'citationStyle'
const FAVOURITES = 'favouriteStyles'
const RECENT = 'recentStyles'
const LOCALE = 'citationLocale'
/** Recently used styles kept on top of the chooser. */
const RECENT_KEPT = 6

/** Registers every saved .csl file; one that no longer loads is skipped, not fatal. */
export async function loadCustomStyles(db: NeurorefDb): Promise<CitationStyle[]> {
  const saved = await readSetting<SavedStyle[]>(db, CUSTOM_STYLES, [])
  const loaded: CitationStyle[] = []
  for (const { id, xml } of saved) {
    try {
      loaded.push(registerStyle(id, xml))
    } catch {
      // a saved style that fails now (its parent gone) stays saved but unlisted
    }
  }
  return loaded
}

/** Adds a .csl file's text; throws a ServiceError with a sentence when it is not a usable style. */
export async function addCustomStyle(db: NeurorefDb, xml: string): Promise<CitationStyle> {
  const id = customStyleId(xml)
  const style = registerStyle(id, xml)
  await updateSetting<SavedStyle[]>(db, CUSTOM_STYLES, [], saved => (saved.some(entry => entry.id === id) ? undefined : [...saved, { id, xml }]))
  return style
}

/** The style chosen last, unless it was one of the researcher's own that is gone; APA otherwise. A repository style is fetched by the caller. */
export async function readChosenStyle(db: NeurorefDb): Promise<string> {
  const id = await readSetting<string>(db, CHOSEN_STYLE, DEFAULT_STYLE)
  return findStyle(id) || !id.startsWith('custom-') ? id : DEFAULT_STYLE
}

/** Remembers the choice and puts the style first among the recently used. */
export async function writeChosenStyle(db: NeurorefDb, id: string): Promise<void> {
  await writeSetting(db, CHOSEN_STYLE, id)
  await updateSetting<string[]>(db, RECENT, [], recent => (recent[0] === id ? undefined : [id, ...recent.filter(other => other !== id)].slice(0, RECENT_KEPT)))
}

export interface StyleShortlists {
  favourites: string[]
  recent: string[]
  /** the language chosen for citations; '' when the style's (or the system's) is used */
  locale: string
}

export async function readShortlists(db: NeurorefDb): Promise<StyleShortlists> {
  return {
    favourites: await readSetting<string[]>(db, FAVOURITES, []),
    recent: await readSetting<string[]>(db, RECENT, []),
    locale: await readSetting(db, LOCALE, '')
  }
}

/** Adds the style to the favourites, or takes it off. */
export async function toggleFavouriteStyle(db: NeurorefDb, id: string): Promise<void> {
  await updateSetting<string[]>(db, FAVOURITES, [], favourites => (favourites.includes(id) ? favourites.filter(other => other !== id) : [...favourites, id]))
}

export async function writeCitationLocale(db: NeurorefDb, lang: string): Promise<void> {
  await writeSetting(db, LOCALE, lang)
}
