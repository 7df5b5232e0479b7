// Test support: a CouchDB-compatible server on 127.0.0.1 for sync tests.
// By default express-pouchdb on PouchDB's in-memory adapter (no native
// build, nothing on disk, starts in well under a second); when
// NEUROREF_TEST_COUCHDB_URL is set (http://admin:password@host:5984) the same
// tests run against that Apache CouchDB instead. Either way requests pass a
// small front door that tests can close (server down), reopen on the same
// port, or make answer 500.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import PouchDB from 'pouchdb-core'
import MemoryAdapter from 'pouchdb-adapter-memory'
import HttpAdapter from 'pouchdb-adapter-http'
import MapReduce from 'pouchdb-mapreduce'
import Replication from 'pouchdb-replication'
import expressPouchdb from 'express-pouchdb'

const ADMIN = { user: 'admin', password: 'admin-secret' }

export interface TestCouch {
  /** the address the app is given, e.g. http://127.0.0.1:PORT */
  url: string
  /** which server stands behind it */
  kind: 'pouchdb-server' | 'couchdb'
  /** every request answered with this status while set (e.g. 500) */
  failWith: number | undefined
  createUser(name: string, password: string): Promise<void>
  /** a server admin (CouchDB's [admins]): on CouchDB 3 only they may create databases */
  createServerAdmin(name: string, password: string): Promise<void>
  /** a person's library database and its files database, made by the administrator and open to these users only (docs/SYNC.md) */
  createLibrary(database: string, members: string[]): Promise<void>
  /** a fetch as the admin, relative to the server */
  admin(path: string, init?: RequestInit): Promise<Response>
  /** closes the port (connections refused) and drops open connections */
  takeDown(): Promise<void>
  /** opens the same port again; the data is still there */
  bringUp(): Promise<void>
  close(): Promise<void>
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

let servers = 0

function inMemoryServer(): Handler {
  // the constructor is shared with the app's code in the same process: each plugin once
  const prototype = (PouchDB as unknown as { prototype: object }).prototype
  PouchDB.plugin(MemoryAdapter).plugin(HttpAdapter)
  if (!('query' in prototype)) PouchDB.plugin(MapReduce)
  if (!('replicate' in prototype)) PouchDB.plugin(Replication)
  // the memory adapter keeps databases by name for the whole process: a prefix per server keeps two
  // servers in one Playwright worker (one spec after another) from sharing _users and the database list
  const MemoryPouch = PouchDB.defaults({ adapter: 'memory', prefix: `test-couch-${++servers}-` } as { adapter: string })
  const app = expressPouchdb(MemoryPouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' })
  keepRevisionHistories(app)
  const set = (section: string, key: string, value: string): Promise<void> =>
    new Promise((resolve, reject) => app.couchConfig.set(section, key, value, error => (error ? reject(error) : resolve())))
  void Promise.all([
    set('admins', ADMIN.user, ADMIN.password),
    set('httpd', 'enable_cors', 'true'),
    set('cors', 'origins', '*'),
    set('cors', 'credentials', 'true'),
    set('cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'),
    set('cors', 'headers', 'accept, authorization, content-type, origin, referer')
  ])
  return app
}

/**
 * pouchdb-validation 4.2.0 (express-pouchdb's validate_doc_update) replaces
 * each incoming document's `_revisions` with the stored document's before
 * it validates; for a replicated edit (new_edits: false) that throws the new
 * revision away, silently, whenever a database has a design document with a
 * validate function. CouchDB keeps the history it was sent: so does this,
 * with `_revisions` made read-only on the way in (the outermost wrapper of
 * every database's bulkDocs).
 */
function keepRevisionHistories(app: ReturnType<typeof expressPouchdb>): void {
  type Db = { bulkDocs: (...args: unknown[]) => unknown }
  const registry = (app as unknown as { dbWrapper: { registerWrapper(w: (name: string, db: Db, next: () => unknown) => unknown): void } }).dbWrapper
  registry.registerWrapper((_name, db, next) => {
    const wrapped = db.bulkDocs
    db.bulkDocs = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as { docs?: unknown[] } | unknown[]
      const docs = (Array.isArray(first) ? first : (first?.docs ?? [])) as Record<string, unknown>[]
      for (const doc of docs) {
        const history = doc?._revisions
        if (history) Object.defineProperty(doc, '_revisions', { get: () => history, set: () => undefined, enumerable: true, configurable: true })
      }
      return wrapped.apply(this, args)
    }
    return next()
  })
}

/**
 * CORS as CouchDB's [cors] section does it (credentials, the page's origin
 * echoed): express-pouchdb leaves CORS to pouchdb-server's own middleware,
 * which this helper does not run. A real CouchDB answers with its own
 * settings. True when the request was a preflight, answered here.
 */
function cors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin
  if (!origin) return false
  res.setHeader('access-control-allow-origin', origin)
  res.setHeader('access-control-allow-credentials', 'true')
  res.setHeader('vary', 'Origin')
  if (req.method !== 'OPTIONS') return false
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, PUT, POST, HEAD, DELETE',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'accept, content-type',
    'access-control-max-age': '600'
  })
  res.end()
  return true
}

/**
 * CouchDB 3 lets only server admins create databases and answers anyone else
 * 401; express-pouchdb 4.2.0 instead throws inside its create route (an
 * uncaught TypeError, "db.info is not a function") and never answers. So a
 * `PUT /<database>` is checked here first, against the caller's own session.
 * True when the request was refused here.
 */
async function onlyAdminsCreate(base: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '').split('?')[0]
  if (req.method !== 'PUT' || !/^\/[^_/][^/]*\/?$/.test(path)) return false
  const credentials = Object.fromEntries(['cookie', 'authorization'].filter(h => req.headers[h]).map(h => [h, String(req.headers[h])]))
  const session = (await (await fetch(`${base}/_session`, { headers: credentials })).json()) as { userCtx?: { roles?: string[] } }
  if (session.userCtx?.roles?.includes('_admin')) return false
  res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized","reason":"You are not a server admin."}')
  return true
}

function proxyTo(target: URL): Handler {
  return (req, res) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  }
}

export async function startTestCouch(): Promise<TestCouch> {
  const real = process.env.NEUROREF_TEST_COUCHDB_URL ? new URL(process.env.NEUROREF_TEST_COUCHDB_URL) : undefined
  const admin = real ? { user: decodeURIComponent(real.username), password: decodeURIComponent(real.password) } : ADMIN
  if (real) real.username = real.password = ''
  const handler = real ? proxyTo(real) : inMemoryServer()
  const sockets = new Set<import('node:net').Socket>()
  let port = 0
  let server: http.Server | undefined
  const couch: TestCouch = {
    url: '',
    kind: real ? 'couchdb' : 'pouchdb-server',
    failWith: undefined,
    async createUser(name, password) {
      const id = `org.couchdb.user:${name}`
      const answer = await couch.admin(`/_users/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ _id: id, name, password, roles: [], type: 'user' })
      })
      if (!answer.ok && answer.status !== 409) throw new Error(`could not create user ${name}: ${answer.status} ${await answer.text()}`)
    },
    async createServerAdmin(name, password) {
      // CouchDB 3 keeps admins in its node's configuration; express-pouchdb serves the older /_config
      const path = real ? `/_node/_local/_config/admins/${encodeURIComponent(name)}` : `/_config/admins/${encodeURIComponent(name)}`
      const answer = await couch.admin(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(password) })
      if (!answer.ok) throw new Error(`could not make ${name} a server admin: ${answer.status} ${await answer.text()}`)
    },
    async createLibrary(database, members) {
      const security = JSON.stringify({ admins: { names: [], roles: [] }, members: { names: members, roles: [] } })
      for (const name of [database, `${database}-files`]) {
        const made = await couch.admin(`/${name}`, { method: 'PUT' })
        if (!made.ok) throw new Error(`could not create ${name}: ${made.status} ${await made.text()}`)
        await couch.admin(`/${name}/_security`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: security })
      }
    },
    admin(path, init = {}) {
      const headers = new Headers(init.headers)
      headers.set('authorization', 'Basic ' + Buffer.from(`${admin.user}:${admin.password}`).toString('base64'))
      return fetch(couch.url + path, { ...init, headers })
    },
    async takeDown() {
      const closing = new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve()))
      for (const socket of sockets) socket.destroy()
      await closing
      server = undefined
    },
    async bringUp() {
      server = http.createServer((req, res) => {
        if (!real && cors(req, res)) return
        if (couch.failWith) return void res.writeHead(couch.failWith, { 'content-type': 'application/json' }).end('{"error":"unknown","reason":"test fault"}')
        if (real) return handler(req, res)
        void onlyAdminsCreate(couch.url, req, res).then(refused => refused || handler(req, res))
      })
      server.on('connection', socket => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      await new Promise<void>(resolve => server!.listen(port, '127.0.0.1', resolve))
      port = (server.address() as AddressInfo).port
      couch.url = `http://127.0.0.1:${port}`
    },
    close: () => couch.takeDown()
  }
  await couch.bringUp()
  // the in-memory server sets its admin and CORS just after it starts
  for (let i = 0; i < 50 && (await couch.admin('/_session')).status !== 200; i++) await new Promise(r => setTimeout(r, 20))
  return couch
}
