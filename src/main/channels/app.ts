// app.*: which Neuroref is running, and what only the desktop app fills: what
// it was asked to open, and the spell-checker setting. The web edition answers
// "nothing to open" and "not available" (its browser checks spelling by its own settings).
import type { NamespaceHandlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import type { ChannelDeps } from './deps'
import { requireObject } from './validate'

export function appChannels({ config, platform, version }: ChannelDeps): NamespaceHandlers<'app'> {
  return {
    'app.info': async () => ({ name: 'Neuroref', version, edition: platform.edition, contactFromEnvironment: !!config.email }),
    'app.openRequests': async () => (platform.openRequests ? platform.openRequests() : []),
    'app.spellcheck': async arg => {
      const { enabled } = requireObject(arg ?? {})
      if (enabled !== undefined && typeof enabled !== 'boolean') throw new ServiceError('INVALID_INPUT', 'Spell-checking is either on or off.')
      return platform.spellcheck ? platform.spellcheck(enabled) : { enabled: false, available: false }
    }
  }
}
