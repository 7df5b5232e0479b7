// CouchDB's cookie session (POST /_session): the password is sent once per
// login, then every request carries the AuthSession cookie. In a browser the
// cookie jar holds it (credentials: 'include'); elsewhere (tests, Node) the
// session keeps it and sends it, since there is no jar. An expired session
// (401) logs in again once.
import type { SyncAccount } from '@shared/sync-server'

export type SyncProblem = 'wrong-password' | 'unreachable' | 'server-error' | 'forbidden' | 'no-database' | 'not-member' | 'full' | 'not-couchdb'

export class SyncFailure extends Error {
  constructor(
    readonly problem: SyncProblem,
    message: string
  ) {
    super(message)
  }
}

/** fetch as PouchDB's HTTP adapter calls it */
export type Fetch = (url: string | Request, init?: RequestInit) => Promise<Response>

export class CouchSession {
  private cookie: string | undefined
  private loggingIn: Promise<void> | undefined
  readonly server: string

  constructor(
    private readonly account: Pick<SyncAccount, 'server' | 'user' | 'password'>,
    private readonly baseFetch: Fetch = (url, init) => globalThis.fetch(url, init)
  ) {
    this.server = account.server.replace(/\/+$/, '')
  }

  login(): Promise<void> {
    this.loggingIn ??= this.postSession().finally(() => (this.loggingIn = undefined))
    return this.loggingIn
  }

  private async postSession(): Promise<void> {
    const response = await this.send(`${this.server}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: this.account.user, password: this.account.password })
    })
    if (response.status === 401) throw new SyncFailure('wrong-password', 'The server did not accept this user name and password.')
    if (response.status >= 500) throw new SyncFailure('server-error', `The server had a problem (${response.status}); sync will try again.`)
    if (!response.ok) throw new SyncFailure('not-couchdb', `The server answered the login with ${response.status}: is this a CouchDB address?`)
    const cookie = response.headers.get('set-cookie')?.match(/AuthSession=[^;]*/)?.[0]
    if (cookie) this.cookie = cookie
  }

  private async send(url: string | Request, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers as HeadersInit | undefined)
    if (this.cookie) headers.set('cookie', this.cookie)
    try {
      return await this.baseFetch(url, { ...init, headers, credentials: 'include' })
    } catch {
      throw new SyncFailure('unreachable', 'The sync server cannot be reached.')
    }
  }

  /** fetch for PouchDB's HTTP adapter: the session's cookie, and one new login when it has expired. */
  readonly fetch: Fetch = async (url, init = {}) => {
    const response = await this.send(url, init)
    if (response.status !== 401 || String(url).endsWith('/_session')) return response
    await this.login()
    return this.send(url, init)
  }
}
