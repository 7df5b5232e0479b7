// What the lookup services need from an HTTP client. Kept apart from the
// implementation so services can be tested with the real client against a
// local replay server, and wired with any fetch.

export interface HttpRequest {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** form body for POST (application/x-www-form-urlencoded) */
  form?: Record<string, string>
  /** ms before one attempt is abandoned (default from the client) */
  timeoutMs?: number
  signal?: AbortSignal
  /** bytes of body accepted; default 200 MB for downloads, 50 MB for text (http.ts) */
  maxBytes?: number
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
  url: string
}

/** A body kept as bytes (PDF downloads): never decoded as text. */
export interface HttpBytes {
  bytes: Uint8Array
  /** the Content-Type header, '' when absent */
  contentType: string
  /** the final address, after redirects */
  url: string
}

export interface HttpClient {
  /** Resolves with any 2xx response; throws ServiceError for everything else (after retries). */
  request(req: HttpRequest): Promise<HttpResponse>
  /** `request` + JSON.parse; unparseable or truncated bodies throw BAD_RESPONSE. */
  getJson<T = unknown>(req: HttpRequest): Promise<T>
  /** `request` returning the body text (XML and friends). */
  getText(req: HttpRequest): Promise<string>
}

/** The app's client also downloads files (PDFs) as bytes, with the same retries and errors. */
export interface BinaryHttpClient extends HttpClient {
  getBytes(req: HttpRequest): Promise<HttpBytes>
}
