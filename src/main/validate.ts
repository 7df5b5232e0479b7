// Main trusts nothing the renderer sends: every argument is checked here.
import { ServiceError } from '../shared/result'

export function requireObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServiceError('INVALID_INPUT', 'The request was not understood.')
  }
  return value as Record<string, unknown>
}

export function requireString(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ServiceError('INVALID_INPUT', `A ${what} is needed.`)
  }
  if (value.length > maxLength) throw new ServiceError('INVALID_INPUT', `The ${what} is too long.`)
  return value
}
