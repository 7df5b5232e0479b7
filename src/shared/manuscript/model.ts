// What a manuscript holds for Neuroref, whatever its format: the citations in
// document order (typed markers, or live fields from Neuroref, Zotero or
// Mendeley) and whether it says where the bibliography goes.
import type { FormattedManuscript } from './cite-engine'
import type { DocumentKind } from './container'
import type { CslCitation } from './field-codes'
import type { DocumentPrefs } from './document-prefs'
import type { CitedItem } from './markers'

export interface FoundCitation {
  /** c1, c2 … in document order */
  id: string
  source: 'marker' | 'field'
  /** the marker as typed, or the field's current text */
  text: string
  /** the sentence around it, for the review */
  sentence: string
  /** a typed marker's items, to be looked up in the library */
  items?: CitedItem[]
  /** a live field's citation, carrying its papers' data */
  embedded?: CslCitation
  origin?: 'zotero' | 'mendeley'
  /** already inside a footnote or endnote */
  inNote: boolean
  /** the number of the note it is in; 0 in the body */
  noteIndex: number
  /** the same when a note style moves every body citation into a new footnote */
  noteIndexInNoteStyle: number
}

/** What the writer needs: the formatted texts and each citation's new code. */
export interface WritePlan {
  formatted: FormattedManuscript
  codes: Map<string, CslCitation>
  /** the heading put above a bibliography that has no place of its own */
  heading: string
  /** Zotero's document preferences to keep in the copy: the style and language it is now in */
  prefs: DocumentPrefs
}

export interface ManuscriptFile {
  kind: DocumentKind
  name: string
  citations: FoundCitation[]
  /** "[bibliography]" or a bibliography field says where the list goes */
  hasBibliographyPlace: boolean
  /** the style and language the document says it is cited in (Zotero's or Mendeley's preferences) */
  prefs?: DocumentPrefs
  /** a fresh copy of the document with the plan applied (the reader's own state is not changed) */
  write(plan: WritePlan): Uint8Array
}
