// What the handlers need from the desktop (or the web host) beyond services.
import type { OpenRequest } from '@shared/open-request'
import type { SpellcheckState } from '@shared/contract'

export interface Platform {
  edition: 'desktop' | 'web'
  /** Ask where to save and write the file; null when the user cancels. */
  saveFile(suggestedName: string, content: string): Promise<{ path: string } | null>
  /** Open an already-validated http(s) URL in the system browser. */
  openExternal(url: string): Promise<void>
  /** Reveal a stored file in the system file manager (desktop; the web edition throws UNSUPPORTED). */
  showItemInFolder?(path: string): Promise<void>
  /** Open a stored file in the system's default application (desktop; the web edition throws UNSUPPORTED). */
  openPath?(path: string): Promise<void>
  /** Desktop: files and neuroref:// links the app was asked to open, each handed out once. */
  openRequests?(): Promise<OpenRequest[]>
  /** Desktop: read, or turn on/off, the spell-checker (off by default: it may download dictionaries). */
  spellcheck?(enabled?: boolean): Promise<SpellcheckState>
}
