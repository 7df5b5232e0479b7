// autoexport.*: the .bib files Neuroref keeps rewriting. The renderer names a target by id only; a path
// enters the registry once, from the desktop save dialog or (web edition)
// typed by the user and checked here in main.
import type { NamespaceHandlers } from '@shared/contract'
import { safeFileName } from '@shared/file-name'
import { ServiceError } from '@shared/result'
import { createExportTargets, type AddOutcome } from '../services/autoexport/targets'
import type { ChannelDeps } from './deps'
import { requireObject, requireString } from './validate'

export function autoexportChannels({ config, platform, chooseBibFile }: ChannelDeps): NamespaceHandlers<'autoexport'> {
  const targets = createExportTargets({ dataDir: config.dataDir })
  const answer = (outcome: AddOutcome) => ('existing' in outcome ? outcome : { id: outcome.target.id, path: outcome.target.path })
  // Desktop: the file the save dialog chose that already exists, waiting for the researcher's confirmation.
  let awaitingConfirmation: string | undefined

  return {
    'autoexport.addTarget': async arg => {
      const req = requireObject(arg ?? {})
      if (platform.edition === 'desktop') {
        if (!chooseBibFile) throw new ServiceError('UNSUPPORTED', 'Choosing a file is not available here.')
        // The renderer may only confirm the file the dialog chose, never name another path.
        if (typeof req.replaceExisting === 'string' && req.replaceExisting === awaitingConfirmation) {
          awaitingConfirmation = undefined
          return answer(await targets.add(req.replaceExisting, req.replaceExisting))
        }
        const name = safeFileName(req.suggestedName, { extension: '.bib', fallback: 'references.bib' })
        const chosen = await chooseBibFile(name)
        if (!chosen) return null
        const outcome = await targets.add(/\.bib$/i.test(chosen) ? chosen : `${chosen}.bib`)
        awaitingConfirmation = 'existing' in outcome ? outcome.existing.path : undefined
        return answer(outcome)
      }
      return answer(await targets.add(req.path, req.replaceExisting))
    },

    'autoexport.write': async arg => {
      const req = requireObject(arg)
      const id = requireString(req.id, 'auto-export file', 100)
      if (typeof req.content !== 'string') throw new ServiceError('INVALID_INPUT', 'Nothing to write was given.')
      if (req.content.length > 200_000_000) throw new ServiceError('INVALID_INPUT', 'The bibliography is too large to write.')
      return targets.write(id, req.content)
    },

    'autoexport.list': async () => targets.list(),

    'autoexport.remove': async arg => {
      await targets.remove(requireString(requireObject(arg).id, 'auto-export file', 100))
    }
  }
}
