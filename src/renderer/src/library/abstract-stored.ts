// A paper's abstract as an import stores it: its UTF-8 bytes, as they cross
// from the reader worker (abstract-bytes.ts), instead of the text. The writer
// worker no longer decodes each abstract only for IndexedDB to copy the text
// again, and a text with one character past U+00FF (μ, α, an en dash) is
// copied at two bytes a character, so the bytes are about half as many: the
// browser's IndexedDB threads spent 0.6 s less of 3.4 s on a 10,000-entry .bib
// (2026-12-07, five pairs, load 11-15). Rows other
// writes make keep the text; the library reads either back as the text (row-read.ts).

/** The abstract as a row holds it: the text, or its UTF-8 bytes. */
export type StoredAbstract = string | Uint8Array

const decoder = new TextDecoder()

/** A row as read: its abstract as the text (the row is the reader's own copy, changed in place). */
export function withAbstractRead<T extends { csl?: { abstract?: unknown } }>(row: T): T {
  const abstract = row?.csl?.abstract
  if (ArrayBuffer.isView(abstract)) row.csl!.abstract = decoder.decode(abstract)
  return row
}
