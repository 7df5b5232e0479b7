// export.*: the desktop save dialog writes an export where the user chooses.
import type { NamespaceHandlers } from '@shared/contract'
import { safeFileName as safeName } from '@shared/file-name'
import type { ChannelDeps } from './deps'
import { requireObject, requireString } from './validate'

export function exportChannels({ platform }: ChannelDeps): NamespaceHandlers<'export'> {
  return {
    'export.saveFile': async arg => {
      const req = requireObject(arg)
      const name = requireString(req.suggestedName, 'file name', 255)
      const content = requireString(req.content, 'file content', 200_000_000)
      return platform.saveFile(safeFileName(name), content)
    }
  }
}

/** A suggested name never becomes a path (shared/file-name.ts). */
export function safeFileName(name: string): string {
  return safeName(name, { fallback: 'export.bib' })
}
