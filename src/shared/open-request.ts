// What the desktop app was asked to open from outside: a bibliography file
// (double-click on a .bib, .ris or .nbib, or a second launch with its path)
// or a neuroref:// link. Main queues them; the renderer takes them through
// the `app.openRequests` channel and imports the file or fills "Add by identifier".
export type OpenRequest =
  /** a file to import; `data` is base64 (the renderer decodes it as it decodes a chosen file) */
  | { kind: 'import'; fileName: string; data: string }
  /** identifiers from a neuroref://add link, shown in "Add by identifier" for the researcher to confirm */
  | { kind: 'identifiers'; text: string }
  /** what could not be opened, in words */
  | { kind: 'problem'; message: string }

export const LINK_SCHEME = 'neuroref'
const IMPORT_EXTENSIONS = ['bib', 'ris', 'nbib'] as const
const MAX_LINK_TEXT = 20_000

/** neuroref://add?ids=<identifiers> → the identifiers; anything else is a problem sentence. */
export function requestFromLink(link: string): OpenRequest {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return { kind: 'problem', message: 'Neuroref was given a link it cannot read.' }
  }
  if (url.protocol !== `${LINK_SCHEME}:`) return { kind: 'problem', message: 'Neuroref opens only neuroref:// links.' }
  const text = url.host === 'add' ? (url.searchParams.get('ids') ?? '').trim() : ''
  if (!text) return { kind: 'problem', message: 'A neuroref:// link must look like neuroref://add?ids=10.1000/xyz (DOIs, PMIDs or PMCIDs).' }
  if (text.length > MAX_LINK_TEXT)
    return { kind: 'problem', message: `That neuroref:// link is too long (over ${MAX_LINK_TEXT.toLocaleString('en')} characters).` }
  return { kind: 'identifiers', text }
}

export function isImportFileName(name: string): boolean {
  const dot = name.lastIndexOf('.')
  return dot > 0 && (IMPORT_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase())
}
