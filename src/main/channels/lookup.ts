// lookup.*: pasted identifiers become papers (PubMed, batched, merged with Crossref).
import type { NamespaceHandlers } from '@shared/contract'
import { resolveIdentifiers } from '../services/resolve-identifiers'
import { contactFor, crossrefDeps, eutilsDeps, type ChannelDeps } from './deps'
import { requireIdentifiers, requireObject } from './validate'

/** One call looks up at most this many identifiers (the renderer sends 200 at a time). */
const MAX_IDENTIFIERS = 1000

export function lookupChannels(deps: ChannelDeps): NamespaceHandlers<'lookup'> {
  return {
    'lookup.identifiers': async arg => {
      const req = requireObject(arg)
      const ids = requireIdentifiers(req.ids, MAX_IDENTIFIERS)
      const contact = contactFor(deps.config, req.contact)
      return resolveIdentifiers(ids, { eutils: eutilsDeps(deps, contact), crossref: crossrefDeps(deps, contact) })
    }
  }
}
