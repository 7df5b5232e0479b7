// Errors cross the process boundary as data, never as thrown exceptions.

export type ErrorCode =
  | 'OFFLINE'
  | 'TIMEOUT'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'BAD_RESPONSE'
  | 'SERVER_ERROR'
  | 'INVALID_INPUT'
  | 'IO'
  | 'CANCELLED'
  | 'UNSUPPORTED'
  | 'PASSWORD_REQUIRED'
  | 'INTERNAL'

export interface AppError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** Thrown inside main's services; turned into `{ ok: false }` at the boundary. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } })

/** The value, or the error thrown again as a ServiceError (for a caller that runs several calls in one try). */
export function orThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new ServiceError(result.error.code, result.error.message)
  return result.value
}
