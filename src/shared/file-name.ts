// The one way a name that came from elsewhere (a PDF's original name, a
// suggested export name, a DOI) becomes a file name: never a path, never a
// hidden file, nothing a file system refuses, the right extension, bounded.

export interface SafeFileNameOptions {
  /** With the dot, e.g. '.pdf': added when the name does not already end in it (any case). */
  extension?: string
  /** Used when nothing usable is left, e.g. 'document.pdf'. */
  fallback: string
  /** Longest name kept, extension included; 120 unless told. */
  maxLength?: number
}

// Control characters and those Windows, macOS or a shell treat specially.
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g
// Names Windows reserves whatever their extension.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

export function safeFileName(input: unknown, { extension = '', fallback, maxLength = 120 }: SafeFileNameOptions): string {
  const lastSegment =
    String(input ?? '')
      .split(/[\\/]/)
      .pop() ?? ''
  let name = lastSegment
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '') // no hidden files, no ".." left standing
    .replace(/[.\s]+$/, '') // Windows drops trailing dots and spaces
  if (!name) return fallback
  if (RESERVED.test(name)) name = `_${name}`
  const hasExtension = extension !== '' && name.toLowerCase().endsWith(extension.toLowerCase()) && name.length > extension.length
  const stem = hasExtension ? name.slice(0, name.length - extension.length) : name
  const ending = hasExtension ? name.slice(stem.length) : extension
  return `${[...stem]
    .slice(0, maxLength - ending.length)
    .join('')
    .trimEnd()}${ending}`
}
