// The library's database on the server: found, or created when it is missing
// and the user may; a refusal is said as who to ask.
import { PROBLEMS } from './problems'
import { SyncFailure, type CouchSession } from './session'

/** Opens the database, creating it when it is missing and the user may. */
export async function ensureDatabase(session: CouchSession, dbUrl: string, user: string): Promise<void> {
  const name = decodeURIComponent(dbUrl.split('/').pop() ?? '')
  const found = await session.fetch(dbUrl, { headers: { accept: 'application/json' } })
  if (found.ok) return
  if (found.status >= 500) throw new SyncFailure('server-error', PROBLEMS['server-error'])
  // signed in a moment ago: a refusal now means not a member (a lab library's admin may have removed this user)
  if (found.status === 401 || found.status === 403)
    throw new SyncFailure(
      'not-member',
      `${user} is not a member of “${name}” on the server: ask its admin to add ${user}. A lab library you were removed from can be left (Leave, beside its name) to delete it from this computer.`
    )
  if (found.status !== 404) throw new SyncFailure('forbidden', PROBLEMS.forbidden)
  const made = await session.fetch(dbUrl, { method: 'PUT', headers: { accept: 'application/json' } })
  if (made.ok || made.status === 412) return
  throw new SyncFailure('no-database', `${PROBLEMS['no-database']}: ask its administrator to create “${name}” (docs/SYNC.md).`)
}
