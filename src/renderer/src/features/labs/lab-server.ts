// The lab libraries' server: the sync account main keeps (same server and
// user as the researcher's own library), logged in with a cookie session.
import { api } from '../../root'
import type { GroupServer } from '../../sync/groups'
import { CouchSession } from '../../sync/session'

export async function labServer(): Promise<{ server: GroupServer; user: string }> {
  const account = await api['sync.account']()
  if (!account.ok) throw new Error(account.error.message)
  if (!account.value) throw new Error('Lab libraries live on the sync server: set it up first in Settings → Sync.')
  const session = new CouchSession(account.value)
  await session.login()
  return { server: { server: session.server, fetch: session.fetch }, user: account.value.user }
}
