// pubmed.*: related papers of one PMID, and one page of a PubMed search.
import type { NamespaceHandlers } from '@shared/contract'
import { relatedPapers } from '../services/pubmed/related'
import { searchPubmedPage } from '../services/pubmed/search'
import { contactFor, eutilsDeps, type ChannelDeps } from './deps'
import { optionalCount, requireObject, requirePmid, requireRelation, requireString } from './validate'

const MAX_PAGE = 200

export function pubmedChannels(deps: ChannelDeps): NamespaceHandlers<'pubmed'> {
  return {
    'pubmed.related': async arg => {
      const req = requireObject(arg)
      const limit = optionalCount(req.limit, 1, MAX_PAGE, 20)
      return relatedPapers(requirePmid(req.pmid), requireRelation(req.relation), limit, eutilsDeps(deps, contactFor(deps.config, req.contact)))
    },

    'pubmed.search': async arg => {
      const req = requireObject(arg)
      const query = requireString(req.query, 'PubMed query', 4000)
      const start = optionalCount(req.start, 0, Number.MAX_SAFE_INTEGER, 0)
      const size = optionalCount(req.size, 1, MAX_PAGE, 20)
      const since = typeof req.since === 'string' && /^\d{4}\/\d{2}\/\d{2}$/.test(req.since) ? req.since : undefined
      return searchPubmedPage({ query, start, size, since }, eutilsDeps(deps, contactFor(deps.config, req.contact)))
    }
  }
}
