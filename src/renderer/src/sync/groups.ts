// Lab libraries (groups) on the server: one CouchDB database each, named
// neuroref-group-<slug>. Who may read is CouchDB's `_security` (members);
// who may write is a `validate_doc_update` function in `_design/neuroref`
// that names the writers, so the server itself refuses a reader's change and
// says why. Its creator is the database's admin: only admins may change
// `_security` and design documents, so only they invite, remove members and
// change roles; a lab always keeps one admin. The lab's PDFs (files.ts) live
// in `<database>-files`, which gets the same members and rule.
import { filesDatabaseOf } from './files'
import { SyncFailure, type Fetch } from './session'

/** A server and a session's fetch (session.ts). */
export interface GroupServer {
  server: string
  fetch: Fetch
}

/** an admin also writes, and may invite, remove and change roles */
export type GroupRole = 'admin' | 'writer' | 'reader'

export interface GroupInfo {
  database: string
  /** the name the lab gave it */
  name: string
  /** may add and edit */
  writers: string[]
  /** every member: writers and readers */
  members: string[]
  /** may invite, remove and change roles (the creator, and whom they make admin) */
  admins: string[]
}

const PREFIX = 'neuroref-group-'
const DESIGN = '_design/neuroref'

/** The database a lab library of this name lives in (CouchDB names: lower case letters, digits, _-). */
export function groupDatabase(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return PREFIX + (slug || 'lab')
}

/**
 * The server's rule: CouchDB admins and the writers named here may write,
 * anyone else is refused with a sentence the app shows as it is.
 */
function validateFunction(name: string, writers: readonly string[]): string {
  return [
    'function (newDoc, oldDoc, userCtx) {',
    `  var writers = ${JSON.stringify(writers)};`,
    "  if (userCtx.roles.indexOf('_admin') !== -1 || writers.indexOf(userCtx.name) !== -1) return;",
    `  throw({ forbidden: 'The lab library ' + ${JSON.stringify(`“${name}”`)} + ' is read-only for ' + userCtx.name + ': ask one of its writers (' + writers.join(', ') + ') to make you a writer.' });`,
    '}'
  ].join('\n')
}

interface DesignDoc {
  _id: string
  _rev?: string
  validate_doc_update: string
  neuroref: { name: string; writers: string[] }
}

interface Security {
  admins?: { names?: string[]; roles?: string[] }
  members?: { names?: string[]; roles?: string[] }
}

async function call(server: GroupServer, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('accept', 'application/json')
  if (init.body) headers.set('content-type', 'application/json')
  return server.fetch(`${server.server.replace(/\/+$/, '')}/${path}`, { ...init, headers })
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { reason?: string }
  return body.reason ?? `${response.status}`
}

/** Reads a lab library's name, writers, members and admins; a clear sentence when this user may not. */
export async function readGroup(server: GroupServer, database: string): Promise<GroupInfo> {
  const [design, security] = await Promise.all([
    call(server, `${encodeURIComponent(database)}/${DESIGN}`),
    call(server, `${encodeURIComponent(database)}/_security`)
  ])
  if (design.status === 401 || design.status === 403 || design.status === 404)
    throw new SyncFailure(
      'forbidden',
      `There is no lab library “${database}” that you were invited to: check the name, or ask its admin to invite you (${await reasonOf(design)}).`
    )
  if (!design.ok) throw new SyncFailure('server-error', `The server could not open the lab library (${design.status}).`)
  const doc = (await design.json()) as DesignDoc
  const sec = (security.ok ? await security.json() : {}) as Security
  return {
    database,
    name: doc.neuroref?.name ?? database,
    writers: doc.neuroref?.writers ?? [],
    members: sec.members?.names ?? [],
    admins: sec.admins?.names ?? []
  }
}

/** The lab's papers database and its PDFs database: both get the same members and writers. */
const bothDatabases = (database: string): string[] => [database, filesDatabaseOf(database)]

const onlyAdmins = async (refused: Response): Promise<SyncFailure> =>
  new SyncFailure('forbidden', `Only an admin of this lab library may change its members and their roles (${await reasonOf(refused)}).`)

const lastAdmin = (group: GroupInfo, user: string): SyncFailure =>
  new SyncFailure('forbidden', `${user} is the only admin of “${group.name}”, and a lab library needs one: make another member its admin first.`)

async function writeSecurity(server: GroupServer, database: string, admins: string[], members: string[]): Promise<void> {
  const body: Security = { admins: { names: admins, roles: [] }, members: { names: members, roles: [] } }
  for (const each of bothDatabases(database)) {
    const put = await call(server, `${encodeURIComponent(each)}/_security`, { method: 'PUT', body: JSON.stringify(body) })
    if (put.status === 401 || put.status === 403) throw await onlyAdmins(put)
    if (!put.ok) throw new SyncFailure('server-error', `The server did not keep the members (${put.status}).`)
  }
}

async function writeDesign(server: GroupServer, database: string, name: string, writers: string[]): Promise<void> {
  for (const each of bothDatabases(database)) {
    const path = `${encodeURIComponent(each)}/${DESIGN}`
    const old = await call(server, path)
    const rev = old.ok ? ((await old.json()) as DesignDoc)._rev : undefined
    const doc: DesignDoc = { _id: DESIGN, ...(rev ? { _rev: rev } : {}), validate_doc_update: validateFunction(name, writers), neuroref: { name, writers } }
    const put = await call(server, path, { method: 'PUT', body: JSON.stringify(doc) })
    if (put.status === 401 || put.status === 403) throw await onlyAdmins(put)
    if (!put.ok) throw new SyncFailure('server-error', `The server did not keep the writers (${put.status}).`)
  }
}

/**
 * Writes who may write, then who may read and who is admin, in both
 * databases. The writers go first: an admin who steps down (or removes
 * themselves) may still write the design documents.
 */
async function writeMembers(server: GroupServer, group: GroupInfo): Promise<GroupInfo> {
  await writeDesign(server, group.database, group.name, group.writers)
  await writeSecurity(server, group.database, group.admins, group.members)
  return group
}

/**
 * Creates the lab library's databases (papers and PDFs) with `me` as their
 * admin and only writer. On Apache CouchDB 3 only server admins may create
 * databases: an ordinary user is told to ask the administrator, who creates
 * both empty and makes the user their admin (docs/SYNC.md); creating the lab
 * again here then sets it up.
 */
export async function createGroup(server: GroupServer, name: string, me: string): Promise<GroupInfo> {
  const database = groupDatabase(name)
  for (const each of bothDatabases(database)) {
    const made = await call(server, encodeURIComponent(each), { method: 'PUT' })
    if (made.status === 401 || made.status === 403)
      throw new SyncFailure(
        'no-database',
        `Only the server's administrator may create databases here: ask them to create “${database}” and “${filesDatabaseOf(database)}” and make you their admin (docs/SYNC.md), then create “${name}” again.`
      )
    if (!made.ok && made.status !== 412) throw new SyncFailure('server-error', `The server could not create the lab library (${made.status}).`)
  }
  const security = await call(server, `${encodeURIComponent(database)}/_security`)
  const sec = (security.ok ? await security.json() : {}) as Security
  const admins = [...new Set([...(sec.admins?.names ?? []), me])]
  const members = [...new Set([...(sec.members?.names ?? []), me])]
  return writeMembers(server, { database, name, writers: [me], members, admins })
}

/** Adds `user` as an admin, a writer or a reader (or changes their role); only the library's admins may, and one admin stays. */
export async function inviteMember(server: GroupServer, database: string, user: string, role: GroupRole): Promise<GroupInfo> {
  const name = user.trim()
  if (!name) throw new SyncFailure('forbidden', 'Type the user name of the person to invite.')
  const group = await readGroup(server, database)
  const admins = role === 'admin' ? [...new Set([...group.admins, name])] : group.admins.filter(a => a !== name)
  if (admins.length === 0) throw lastAdmin(group, name)
  const writers = role === 'reader' ? group.writers.filter(w => w !== name) : [...new Set([...group.writers, name])]
  return writeMembers(server, { ...group, admins, writers, members: [...new Set([...group.members, name])] })
}

/** Takes `user` out of the lab library: they can no longer read it nor write to it (its PDFs neither); one admin stays. */
export async function removeMember(server: GroupServer, database: string, user: string): Promise<GroupInfo> {
  const group = await readGroup(server, database)
  if (!group.members.includes(user) && !group.admins.includes(user)) throw new SyncFailure('forbidden', `${user} is not a member of “${group.name}”.`)
  const admins = group.admins.filter(a => a !== user)
  if (admins.length === 0) throw lastAdmin(group, user)
  return writeMembers(server, { ...group, admins, writers: group.writers.filter(w => w !== user), members: group.members.filter(m => m !== user) })
}

export function roleOf(group: GroupInfo, user: string): GroupRole | undefined {
  if (group.admins.includes(user)) return 'admin'
  if (group.writers.includes(user)) return 'writer'
  return group.members.includes(user) ? 'reader' : undefined
}
