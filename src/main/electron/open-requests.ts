// Files and links the desktop app is asked to open: from its own command
// line, from a second launch (the single-instance lock hands the first one
// that launch's arguments) and from macOS's open-file/open-url events. They
// wait here until the renderer takes them (channel app.openRequests). No Electron here.
import { readFile, stat } from 'node:fs/promises'
import { basename, isAbsolute, resolve } from 'node:path'
import { isImportFileName, LINK_SCHEME, requestFromLink, type OpenRequest } from '@shared/open-request'

/** Bibliography files larger than this are not read (the import dialog has the same ceiling in practice: one file, in memory). */
const MAX_OPEN_FILE_BYTES = 50 * 1024 * 1024

export type OpenTarget = { kind: 'file'; path: string } | { kind: 'link'; url: string }

/** The files and links among a launch's arguments (the program, its flags and the app folder are not). */
export function openTargetsFromArgv(argv: readonly string[], workingDirectory: string): OpenTarget[] {
  const targets: OpenTarget[] = []
  for (const arg of argv.slice(1)) {
    if (arg.toLowerCase().startsWith(`${LINK_SCHEME}://`)) targets.push({ kind: 'link', url: arg })
    else if (!arg.startsWith('-') && isImportFileName(arg)) targets.push({ kind: 'file', path: isAbsolute(arg) ? arg : resolve(workingDirectory, arg) })
  }
  return targets
}

export class OpenRequestQueue {
  private waiting: OpenTarget[] = []

  add(targets: readonly OpenTarget[]): void {
    this.waiting.push(...targets)
  }

  get size(): number {
    return this.waiting.length
  }

  /** Everything waiting, read and handed over once; a file that cannot be read becomes a sentence, the rest still come. */
  async take(): Promise<OpenRequest[]> {
    const targets = this.waiting.splice(0)
    return Promise.all(targets.map(target => (target.kind === 'link' ? requestFromLink(target.url) : readImportFile(target.path))))
  }
}

async function readImportFile(path: string): Promise<OpenRequest> {
  const name = basename(path)
  try {
    const info = await stat(path)
    if (!info.isFile()) return { kind: 'problem', message: `${name} is not a file, so it was not imported.` }
    if (info.size > MAX_OPEN_FILE_BYTES) return { kind: 'problem', message: `${name} is larger than 50 MB, so it was not imported.` }
    return { kind: 'import', fileName: name, data: (await readFile(path)).toString('base64') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'it no longer exists' : code === 'EACCES' || code === 'EPERM' ? 'Neuroref may not read it' : 'it could not be read'
    return { kind: 'problem', message: `${name} was not imported: ${why}.` }
  }
}
