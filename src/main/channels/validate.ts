// Main trusts nothing the renderer sends: every argument is checked here,
// identifiers with the one pattern of each in src/shared/identifiers.ts.
import type { RelatedKind } from '@shared/contract'
import { isIdentifierValue, type Identifier } from '@shared/identifiers'
import type { Contact } from '@shared/model'
import { ServiceError } from '@shared/result'

/** A DOI suffix longer than this is not a DOI someone pasted. */
const MAX_DOI_LENGTH = 320

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

/** A whole-number argument within [min, max]; the default when it is missing or not a number. */
export function optionalCount(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? Math.min(Math.floor(value), max) : fallback
}

/** `value` is an identifier of this kind, trimmed; undefined otherwise. */
export function optionalIdentifier(kind: Identifier['kind'], value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  return text.length <= MAX_DOI_LENGTH && isIdentifierValue(kind, text) ? text : undefined
}

export function requireIdentifiers(value: unknown, max: number): Identifier[] {
  if (!Array.isArray(value) || value.length === 0) throw new ServiceError('INVALID_INPUT', 'No identifiers were given.')
  if (value.length > max) throw new ServiceError('INVALID_INPUT', `At most ${max} identifiers can be looked up at once.`)
  return value.map(id => {
    const { kind, value: text } = requireObject(id)
    if ((kind === 'doi' || kind === 'pmid' || kind === 'pmcid') && typeof text === 'string' && text.length <= MAX_DOI_LENGTH && isIdentifierValue(kind, text)) {
      return { kind, value: text } as Identifier
    }
    throw new ServiceError('INVALID_INPUT', `Not an identifier Neuroref can look up: ${JSON.stringify(text)}.`)
  })
}

export function requirePmid(value: unknown): string {
  if (typeof value === 'string' && isIdentifierValue('pmid', value)) return value
  throw new ServiceError('INVALID_INPUT', 'A PubMed ID (PMID) is needed.')
}

export function requireRelation(value: unknown): RelatedKind {
  if (value === 'similar' || value === 'citedin' || value === 'references') return value
  throw new ServiceError('INVALID_INPUT', 'Unknown kind of related papers.')
}

/** Contact details from Settings are optional; malformed ones are ignored, not fatal. */
export function optionalContact(value: unknown): Contact {
  if (typeof value !== 'object' || value === null) return {}
  const { email, ncbiApiKey } = value as Record<string, unknown>
  return {
    email: typeof email === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? email.trim() : undefined,
    ncbiApiKey: typeof ncbiApiKey === 'string' && /^[0-9a-f]{20,64}$/i.test(ncbiApiKey.trim()) ? ncbiApiKey.trim() : undefined
  }
}
