// The researcher's citation styles between sessions: the .csl files they
// added (setting "customStyles") and the style they chose last ("citationStyle").
import type { NeurorefDb } from '../../library/schema'
import { readSetting, updateSetting, writeSetting } from '../../library/settings'
import { customStyleId, DEFAULT_STYLE, findStyle, registerStyle, type CitationStyle } from '@shared/export/styles'

export interface SavedStyle {
  id: string
  xml: string
}

const CUSTOM_STYLES = 'customStyles'
const CHOSEN_STYLE = 'citationStyle'

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

/** The style chosen last, if it is still available; APA otherwise. */
export async function readChosenStyle(db: NeurorefDb): Promise<string> {
  const id = await readSetting<string>(db, CHOSEN_STYLE, DEFAULT_STYLE)
  return findStyle(id) ? id : DEFAULT_STYLE
}

export async function writeChosenStyle(db: NeurorefDb, id: string): Promise<void> {
  await writeSetting(db, CHOSEN_STYLE, id)
}
