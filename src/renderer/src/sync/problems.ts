// What went wrong with sync, as a problem the engine acts on and the sentence
// the sidebar says for it.
import { SyncFailure, type SyncProblem } from './session'

export const PROBLEMS: Record<SyncProblem, string> = {
  'wrong-password': 'Wrong user name or password',
  unreachable: 'Server unreachable',
  'server-error': 'The server had a problem; trying again',
  forbidden: 'The server refused a change (this user may only read)',
  'no-database': 'The library database does not exist on the server and this user may not create it',
  'not-member': 'This user is not a member of the library database on the server',
  full: 'The server database is full',
  'not-couchdb': 'This address does not answer like a CouchDB server'
}

/** The problem a PouchDB or fetch error stands for. */
export function problemOf(error: unknown): SyncProblem {
  if (error instanceof SyncFailure) return error.problem
  const e = error as { status?: number; name?: string; message?: string; reason?: string }
  if (e?.status === 401) return 'wrong-password'
  if (e?.status === 403) return 'forbidden'
  if (e?.status === 413 || /quota|full/i.test(`${e?.reason ?? ''}${e?.message ?? ''}`)) return 'full'
  if (e?.status && e.status >= 500) return 'server-error'
  return 'unreachable'
}
