// Channels only the desktop app fills: what it was asked to open, and the
// spell-checker setting. The web edition answers "nothing to open" and
// "not available" (its browser checks spelling by its own settings).
import type { Handlers } from '../shared/contract'
import { ServiceError } from '../shared/result'
import type { Platform } from './platform'
import { requireObject } from './validate'

export function desktopChannelHandlers(platform: Platform): Pick<Handlers, 'app.openRequests' | 'app.spellcheck'> {
  return {
    'app.openRequests': async () => (platform.openRequests ? platform.openRequests() : []),
    'app.spellcheck': async arg => {
      const { enabled } = requireObject(arg ?? {})
      if (enabled !== undefined && typeof enabled !== 'boolean') throw new ServiceError('INVALID_INPUT', 'Spell-checking is either on or off.')
      return platform.spellcheck ? platform.spellcheck(enabled) : { enabled: false, available: false }
    }
  }
}
