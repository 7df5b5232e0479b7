// Long reference lists, made where they can take their time (a worker): the
// same text the formatter gives, entry by entry progress, and the last few
// lists kept, so saving the same papers in the same style again is instant.
// citeproc itself stays warm between calls (citation-js keeps one engine per
// style and language for as long as this module lives).
import type { CslRecord } from '@citation-js/core'
import { bibliographyOfRecords, type StyledOutput } from './formats'
import type { KeptPieces } from './citeproc-pieces'
import { findStyle, learnLocale, registerStyle } from './styles'

export interface BibliographyRequest {
  records: CslRecord[]
  style: string
  output: StyledOutput
  lang?: string
  /** the researcher's own styles and the repository's read so far (a worker has not seen them), parents before the styles that use them */
  customStyles?: CustomStyles
  /** CSL locale files beyond the bundled English ones, by language */
  locales?: Record<string, string>
}

export type Progress = (done: number, total: number) => void

export type CustomStyles = { id: string; xml: string }[]

/** Lists kept: a few selections and styles a researcher goes back and forth between. */
const KEPT = 4

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('')
}

function learnStyles(customStyles: CustomStyles = [], locales: Record<string, string> = {}): void {
  for (const [lang, xml] of Object.entries(locales)) learnLocale(lang, xml)
  for (const { id, xml } of customStyles) if (!findStyle(id)) registerStyle(id, xml)
}

/** Keeps `value` as the most recently used under `key` (a Map iterates oldest first), forgetting the oldest beyond KEPT. */
function remember<V>(kept: Map<string, V>, key: string, value: V): V {
  kept.delete(key)
  kept.set(key, value)
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string)
  return value
}

export class BibliographyMaker {
  private readonly kept = new Map<string, string>()
  /** the pieces of the last long list per style, language and output: a list with a few papers changed remakes only their pieces */
  private readonly pieces = new Map<string, { pieces: KeptPieces }>()

  async make(request: BibliographyRequest, onProgress?: Progress): Promise<string> {
    learnStyles(request.customStyles, request.locales)
    const { records, style, output, lang } = request
    const kind = `${style}|${lang ?? ''}|${output}`
    const key = `${kind}|${await fingerprint(JSON.stringify(records))}`
    const known = this.kept.get(key)
    if (known !== undefined) {
      remember(this.kept, key, known)
      onProgress?.(records.length, records.length)
      return known
    }
    let done = 0
    const onEntry = onProgress && ((): void => onProgress(++done, records.length))
    const kept = remember(this.pieces, kind, this.pieces.get(kind) ?? { pieces: new Map() })
    return remember(this.kept, key, bibliographyOfRecords(records, { style, output, lang, onEntry, kept }))
  }

  /** Builds the style's engine ahead of the real list (compiling APA takes seconds). */
  warm(style: string, lang?: string, customStyles?: CustomStyles, locales?: Record<string, string>): void {
    learnStyles(customStyles, locales)
    const one: CslRecord = {
      id: 'warm-up',
      type: 'article-journal',
      title: 'Warm-up',
      author: [{ family: 'Warm', given: 'U' }],
      issued: { 'date-parts': [[2000]] }
    }
    bibliographyOfRecords([one], { style, output: 'text', lang })
  }
}
