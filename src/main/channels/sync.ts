// sync.*: the sync account, kept in main (services/sync/account-store.ts).
// The renderer's PouchDB talks to the CouchDB server itself; main only keeps
// the account and lets the Content-Security-Policy name its server.
import type { NamespaceHandlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import type { SyncAccountStore } from '../services/sync/account-store'
import type { ChannelDeps } from './deps'
import { requireObject, requireString } from './validate'
import { checkPdfLimit, type PdfSyncOptions } from '@shared/sync-server'

function store(accounts: SyncAccountStore | undefined): SyncAccountStore {
  if (!accounts) throw new ServiceError('UNSUPPORTED', 'Sync is not available here.')
  return accounts
}

export function syncChannels({ syncAccounts }: ChannelDeps): NamespaceHandlers<'sync'> {
  return {
    'sync.account': async () => store(syncAccounts).read(),
    'sync.saveAccount': async arg => {
      const req = requireObject(arg)
      const account = {
        server: requireString(req.server, 'server address', 500).trim(),
        database: requireString(req.database, 'database name', 200).trim(),
        user: requireString(req.user, 'user name', 200).trim(),
        password: requireString(req.password, 'password', 1000),
        ...(req.pdfs === undefined ? {} : { pdfs: requirePdfOptions(req.pdfs) })
      }
      // CouchDB's rule for database names
      if (!/^[a-z][a-z0-9_$()+/-]*$/.test(account.database))
        throw new ServiceError(
          'INVALID_INPUT',
          'A CouchDB database name starts with a lower-case letter and holds lower-case letters, digits and _$()+-/ only.'
        )
      if (!account.user) throw new ServiceError('INVALID_INPUT', 'Type the user name the server knows you by.')
      await store(syncAccounts).save(account)
    },
    'sync.savePdfOptions': async arg => store(syncAccounts).savePdfOptions(requirePdfOptions(arg)),
    'sync.forgetAccount': async () => store(syncAccounts).forget()
  }
}

function requirePdfOptions(value: unknown): PdfSyncOptions {
  const { download, limitMB } = requireObject(value)
  if (download !== 'opened' && download !== 'always') throw new ServiceError('INVALID_INPUT', 'PDFs are downloaded when opened or always.')
  const wrong = checkPdfLimit(String(limitMB))
  if (wrong || typeof limitMB !== 'number') throw new ServiceError('INVALID_INPUT', wrong ?? 'The PDF size limit is a number of megabytes.')
  return { download, limitMB }
}
