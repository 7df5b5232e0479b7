// The built catalogue and pack (build-pack.ts writes them, style-repository.ts
// reads them): their file names and shapes, apart from the builder so the
// app does not carry the archive reader.
import type { StyleEntry, StyleLocale } from '@shared/styles/catalogue'

/** Where a file's deflated bytes are in the pack: [offset, length]. */
export type PackSlot = [number, number]

export interface PackedStyle extends StyleEntry {
  at: PackSlot
}

export interface PackCatalogue {
  /** bump when the format changes: an older built pack is then made again */
  format: number
  styles: PackedStyle[]
  /** old style ids (renamed-styles.json) → current ids */
  renamed: Record<string, string>
  locales: (StyleLocale & { at: PackSlot })[]
}

export const PACK_FORMAT = 2
export const CATALOGUE_FILE = 'catalogue.json'
/** The locales alone (a few KB): the chooser lists languages before the catalogue is needed. */
export const LOCALES_FILE = 'locales.json'
export const PACK_FILE = 'styles.pack'
