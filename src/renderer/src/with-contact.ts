// The transport adds the researcher's contact details (email, NCBI key) to
// the channels that reach outside services, so no caller reads or passes them.
import type { NeurorefApi } from '@shared/contract'
import type { Contact } from '@shared/model'
import type { Result } from '@shared/result'

/** Channels whose argument carries the contact email and NCBI key (PubMed, Crossref, Unpaywall ask for them). */
export const CONTACT_CHANNELS = [
  'lookup.identifiers',
  'pubmed.search',
  'pubmed.related',
  'attachments.findFree'
] as const satisfies readonly (keyof NeurorefApi)[]

/**
 * `api` with the contact details added to every call of a contact channel
 * (unless the caller gave some). `contact` is asked at each such call, so a
 * change in Settings counts from the next lookup on.
 */
export function withContact(api: NeurorefApi, contact: () => Promise<Contact>): NeurorefApi {
  const wrapped: Record<string, unknown> = { ...api }
  for (const channel of CONTACT_CHANNELS) {
    const call = api[channel] as (arg: { contact?: Contact }) => Promise<Result<unknown>>
    wrapped[channel] = async (arg: { contact?: Contact }) => call({ ...arg, contact: arg.contact ?? (await contact()) })
  }
  return wrapped as unknown as NeurorefApi
}
