// Every error code becomes a sentence a researcher understands. Services
// already phrase most messages; these are the fallbacks.
import type { AppError, ErrorCode } from '@shared/result'

const FALLBACK: Record<ErrorCode, string> = {
  OFFLINE: 'You appear to be offline: the service could not be reached.',
  TIMEOUT: 'The service took too long to answer. Try again in a moment.',
  RATE_LIMITED: 'The service asked us to slow down. Try again in a minute.',
  NOT_FOUND: 'Not found.',
  BAD_RESPONSE: 'The service sent an answer Neuroref could not read.',
  SERVER_ERROR: 'The service had an internal error. Try again later.',
  INVALID_INPUT: 'That request was not understood.',
  IO: 'A file could not be read or written.',
  CANCELLED: 'Cancelled.',
  UNSUPPORTED: 'That is not available in this edition.',
  PASSWORD_REQUIRED: 'This PDF is protected by a password.',
  INTERNAL: 'Something went wrong inside Neuroref. The library was not changed.'
}

export function sentenceFor(error: AppError): string {
  return error.message?.trim() || FALLBACK[error.code] || FALLBACK.INTERNAL
}

/** What went wrong in a failed action, as a sentence: the error's own message (library and services phrase theirs for people). */
export function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
