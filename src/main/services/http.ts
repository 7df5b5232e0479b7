// The one way main talks to NCBI, Crossref, doi.org and Unpaywall. It names
// Neuroref in every request, keeps to each host's request rate, retries what
// is worth retrying and turns every failure into a ServiceError a researcher
// can read. Every body is read as a stream with a byte cap (Content-Length
// first, then counting), so no answer can fill main's memory.

import { ServiceError, type ErrorCode } from '@shared/result'
import type { BinaryHttpClient, HttpBytes, HttpRequest, HttpResponse } from './http-types'
import { readCappedBody, TooLarge } from './http-body'

/** Largest download (a PDF) unless the request says otherwise. */
export const MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024
/** Largest text answer (JSON, XML): an efetch of 200 records is ~10 MB. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export interface HttpClientOptions {
  fetch?: typeof globalThis.fetch
  /** e.g. from neurorefUserAgent('0.1.0', 'me@lab.org') */
  userAgent?: string
  /** per attempt; default 15 000 */
  timeoutMs?: number
  /** extra attempts after the first; default 3 */
  retries?: number
  /** injectable so tests need not wait */
  sleep?: Sleep
  /** injectable clock for the per-host spacing */
  now?: () => number
  /** least time between two requests to one host; default 0 */
  minIntervalMs?: number
  /** per-host overrides, keyed by hostOf(url), e.g. NCBI without a key: 340 */
  hostMinIntervalMs?: Record<string, number>
  /** first backoff after a 429/5xx/network failure; doubles each time; default 500 */
  backoffBaseMs?: number
  /** longest Retry-After we are willing to honour; default 60 000 */
  maxRetryAfterMs?: number
  random?: () => number
}

/** NCBI allows 3 requests a second without an API key and 10 with one. */
export function ncbiMinIntervalMs(hasApiKey: boolean): number {
  return hasApiKey ? 110 : 340
}

export function neurorefUserAgent(version: string, email?: string): string {
  return email ? `Neuroref/${version} (mailto:${email})` : `Neuroref/${version}`
}

/** host (with port when there is one) of a URL; the input itself when it is not a URL */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise(resolve => {
    if (ms <= 0 || signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })

/** Margin on each host's one-second window (see takeTurn). */
const WINDOW_SLACK_MS = 100

/** Why one attempt failed, and whether another attempt may help. */
interface Failure {
  code: ErrorCode
  message: string
  retry: boolean
  /** server-requested wait (Retry-After), in ms */
  waitMs?: number
}

export function createHttpClient(options: HttpClientOptions = {}): BinaryHttpClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const userAgent = options.userAgent ?? 'Neuroref'
  const defaultTimeout = options.timeoutMs ?? 15_000
  const retries = options.retries ?? 3
  const sleep = options.sleep ?? defaultSleep
  const now = options.now ?? Date.now
  const backoffBase = options.backoffBaseMs ?? 500
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000
  const random = options.random ?? Math.random
  const intervals = new Map(Object.entries(options.hostMinIntervalMs ?? {}))
  /** Each host's most recent start times, as many as its one-second window holds. */
  const recentStarts = new Map<string, number[]>()
  /** Each host's last turn: the next one is worked out once it has left. */
  const lastTurn = new Map<string, Promise<void>>()

  /**
   * Wait for this host's next free slot, in the order callers asked. A slot is
   * worked out from the times earlier requests really left, not the times they
   * were meant to: one that leaves late (a busy thread, a timer fired late)
   * would otherwise leave the next closer to it than the spacing. Besides the
   * spacing, a slot keeps one-second windows (plus slack) to the host's rate:
   * at 340 ms three requests fill a second with only 20 ms to spare.
   */
  function takeTurn(host: string, signal?: AbortSignal): Promise<void> {
    const turn = (lastTurn.get(host) ?? Promise.resolve()).then(() => waitForSlot(host, signal))
    lastTurn.set(host, turn)
    return turn
  }

  async function waitForSlot(host: string, signal?: AbortSignal): Promise<void> {
    const interval = intervals.get(host) ?? options.minIntervalMs ?? 0
    const perSecond = interval > 0 ? Math.ceil(1000 / interval) : 1
    const t = now()
    const starts = recentStarts.get(host) ?? []
    let start = t
    if (starts.length) start = Math.max(start, starts[starts.length - 1] + interval)
    if (interval > 0 && starts.length >= perSecond) start = Math.max(start, starts[starts.length - perSecond] + 1000 + WINDOW_SLACK_MS)
    if (start > t) await sleep(start - t, signal)
    // when it really leaves: later than planned if the timer fired late
    recentStarts.set(host, [...starts, Math.max(start, now())].slice(-perSecond))
  }

  /** Crossref tells clients its limit (e.g. 50 per 1s); keep under it. */
  function learnRateLimit(host: string, headers: Headers): void {
    const limit = Number(headers.get('x-rate-limit-limit'))
    const windowMs = parseDuration(headers.get('x-rate-limit-interval'))
    if (!(limit > 0) || windowMs === undefined) return
    const configured = options.hostMinIntervalMs?.[host] ?? options.minIntervalMs ?? 0
    intervals.set(host, Math.max(configured, Math.ceil(windowMs / limit)))
  }

  async function attempt(req: HttpRequest, host: string, asBytes: boolean): Promise<(HttpResponse & { bytes?: Uint8Array }) | Failure> {
    const timeoutMs = req.timeoutMs ?? defaultTimeout
    const timer = new AbortController()
    const handle = setTimeout(() => timer.abort(), timeoutMs)
    const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal
    const timedOut = (): Failure => ({
      code: 'TIMEOUT',
      message: `${host} did not answer within ${Math.round(timeoutMs / 100) / 10} seconds. It may be busy; please try again later.`,
      retry: true
    })
    try {
      let res: Response
      try {
        res = await doFetch(req.url, {
          method: req.method ?? (req.form ? 'POST' : 'GET'),
          headers: buildHeaders(req, userAgent),
          body: req.form ? new URLSearchParams(req.form).toString() : undefined,
          signal
        })
      } catch (err) {
        cancelledCheck(req, host)
        if (timer.signal.aborted) return timedOut()
        return { code: 'OFFLINE', message: unreachable(host, err), retry: true }
      }
      let text = ''
      let bytes: Uint8Array | undefined
      try {
        const body = await readCappedBody(res, req.maxBytes ?? (asBytes ? MAX_DOWNLOAD_BYTES : MAX_TEXT_BYTES))
        if (asBytes) bytes = body
        else text = new TextDecoder().decode(body)
      } catch (err) {
        if (err instanceof TooLarge) return { code: 'BAD_RESPONSE', message: tooLarge(host, err.limit, asBytes), retry: false }
        cancelledCheck(req, host)
        if (timer.signal.aborted) return timedOut()
        return { code: 'BAD_RESPONSE', message: unreadable(host), retry: true }
      }
      learnRateLimit(host, res.headers)
      if (res.ok) return { status: res.status, headers: res.headers, text, bytes, url: res.url || req.url }
      return classifyStatus(res.status, res.headers, host)
    } finally {
      clearTimeout(handle)
    }
  }

  function classifyStatus(status: number, headers: Headers, host: string): Failure {
    const waitMs = parseRetryAfter(headers.get('retry-after'), now(), maxRetryAfter)
    if (status === 429) {
      return {
        code: 'RATE_LIMITED',
        retry: true,
        waitMs,
        message: `${host} is receiving too many requests from Neuroref (HTTP 429). Wait a minute and try again.`
      }
    }
    if (status >= 500) {
      return { code: 'SERVER_ERROR', retry: true, waitMs, message: `${host} had a problem answering (HTTP ${status}). Please try again later.` }
    }
    if (status === 404 || status === 410) {
      return { code: 'NOT_FOUND', retry: false, message: `${host} has no record at this address (HTTP ${status}).` }
    }
    if (status === 400) {
      return { code: 'INVALID_INPUT', retry: false, message: `${host} did not accept the request (HTTP 400). Check the identifier or search terms.` }
    }
    return { code: 'BAD_RESPONSE', retry: false, message: `${host} refused the request (HTTP ${status}).` }
  }

  async function request(req: HttpRequest, asBytes = false): Promise<HttpResponse & { bytes?: Uint8Array }> {
    const host = hostOf(req.url)
    if (!/^https?:$/.test(protocolOf(req.url))) {
      throw new ServiceError('INVALID_INPUT', `"${req.url}" is not a web address Neuroref can look up.`)
    }
    for (let n = 0; ; n++) {
      cancelledCheck(req, host)
      await takeTurn(host, req.signal)
      cancelledCheck(req, host)
      const outcome = await attempt(req, host, asBytes)
      if (!('code' in outcome)) return outcome
      if (!outcome.retry || n >= retries) throw new ServiceError(outcome.code, outcome.message)
      const backoff = backoffBase * 2 ** n + random() * backoffBase
      await sleep(outcome.waitMs ?? backoff, req.signal)
    }
  }

  return {
    request: req => request(req),
    async getBytes(req): Promise<HttpBytes> {
      const res = await request(req, true)
      return { bytes: res.bytes ?? new Uint8Array(), contentType: res.headers.get('content-type') ?? '', url: res.url }
    },
    async getText(req) {
      return (await request(req)).text
    },
    async getJson<T = unknown>(req: HttpRequest): Promise<T> {
      const res = await request(req)
      try {
        return JSON.parse(res.text) as T
      } catch {
        throw new ServiceError('BAD_RESPONSE', unreadable(hostOf(req.url)))
      }
    }
  }
}

function cancelledCheck(req: HttpRequest, host: string): void {
  if (req.signal?.aborted) throw new ServiceError('CANCELLED', `The request to ${host} was cancelled.`)
}

function buildHeaders(req: HttpRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': userAgent, ...req.headers }
  if (req.form) headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8'
  return headers
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol
  } catch {
    return ''
  }
}

function unreadable(host: string): string {
  return `${host} sent an incomplete or unreadable answer. Please try again later.`
}

function tooLarge(host: string, limit: number, download: boolean): string {
  const size = `${Math.round(limit / (1024 * 1024))} MB`
  return download
    ? `The file at ${host} is larger than the ${size} limit; Neuroref stopped the download.`
    : `${host} sent an answer larger than ${size}; Neuroref stopped reading it. Please try a smaller request.`
}

function unreachable(host: string, err: unknown): string {
  const code = (err as { cause?: { code?: string } })?.cause?.code
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return `The connection to ${host} was cut off before it answered. Check your internet connection.`
  }
  return `Could not reach ${host}. Check your internet connection.`
}

/** Retry-After is either seconds or an HTTP date; capped so one answer cannot stall an import. */
function parseRetryAfter(value: string | null, nowMs: number, capMs: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - nowMs
  if (Number.isNaN(ms)) return undefined
  return Math.min(Math.max(ms, 0), capMs)
}

/** "1s", "60s", "500ms", "1m" → ms (Crossref sends "1s"). */
function parseDuration(value: string | null): number | undefined {
  const m = value?.trim().match(/^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/)
  if (!m) return undefined
  const unit = m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000
  return Number(m[1]) * unit
}
