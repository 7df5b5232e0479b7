// The neuropeptide vocabulary (resources/vocab/neuropeptides.json, built by
// scripts/build-vocab.mjs): its shape, and a check that a loaded file has it.

import { ServiceError } from '../result'

export interface VocabMeshRef {
  /** MeSH descriptor (D…) or supplementary concept (C…) UI; null where it is not verified */
  ui: string | null
  name: string
}

export interface VocabEntry {
  id: string
  /** the name a tag shows, e.g. "Oxytocin", "Oxytocin receptor" */
  name: string
  /** longer description, e.g. "Oxytocin receptor (OXTR)" */
  label: string
  kind: 'peptide' | 'receptor'
  family: string
  /** for a receptor: the id of the peptide entry it binds */
  receptorOf: string | null
  mesh: VocabMeshRef[]
  synonyms: string[]
  /** synonyms that only count when the same item names the peptide in full or in MeSH */
  ambiguous: string[]
  /** HGNC gene symbols */
  genes: string[]
}

export interface PeptideVocab {
  name: string
  schemaVersion: number
  meshVersion: string
  attribution: string
  entries: VocabEntry[]
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(s => typeof s === 'string')

function entryProblem(e: unknown): string | undefined {
  if (!isObject(e)) return 'is not an object'
  for (const key of ['id', 'name', 'label', 'family'] as const) {
    if (typeof e[key] !== 'string' || e[key] === '') return `has no ${key}`
  }
  if (e.kind !== 'peptide' && e.kind !== 'receptor') return 'is neither a peptide nor a receptor'
  if (e.receptorOf !== null && typeof e.receptorOf !== 'string') return 'has a receptorOf that is not an id'
  if (e.kind === 'receptor' && typeof e.receptorOf !== 'string') return 'is a receptor of no peptide'
  for (const key of ['synonyms', 'ambiguous', 'genes'] as const) {
    if (!isStringList(e[key])) return `has ${key} that are not a list of words`
  }
  const mesh = e.mesh
  if (!Array.isArray(mesh) || !mesh.every(m => isObject(m) && typeof m.name === 'string' && (m.ui === null || typeof m.ui === 'string'))) {
    return 'has MeSH references without a name'
  }
  return undefined
}

/**
 * Checks that `json` is a peptide vocabulary and returns it typed. Throws
 * ServiceError('BAD_RESPONSE') naming the first entry that is wrong.
 */
export function parsePeptideVocab(json: unknown): PeptideVocab {
  const bad = (why: string): never => {
    throw new ServiceError('BAD_RESPONSE', `The neuropeptide vocabulary cannot be used: ${why}.`)
  }
  if (!isObject(json) || !Array.isArray(json.entries)) return bad('it has no list of entries')
  if (json.schemaVersion !== 1) return bad(`it is version ${String(json.schemaVersion)}, and this Neuroref reads version 1`)
  const ids = new Set<string>()
  json.entries.forEach((e: unknown, i: number) => {
    const problem = entryProblem(e)
    if (problem) bad(`entry ${i + 1} ${problem}`)
    const id = (e as VocabEntry).id
    if (ids.has(id)) bad(`the id "${id}" appears twice`)
    ids.add(id)
  })
  for (const e of json.entries as VocabEntry[]) {
    if (e.receptorOf !== null && !ids.has(e.receptorOf)) bad(`"${e.id}" is a receptor of "${e.receptorOf}", which is not in the vocabulary`)
  }
  return {
    name: typeof json.name === 'string' ? json.name : 'Neuropeptide vocabulary',
    schemaVersion: 1,
    meshVersion: typeof json.meshVersion === 'string' ? json.meshVersion : '',
    attribution: typeof json.attribution === 'string' ? json.attribution : '',
    entries: json.entries as VocabEntry[]
  }
}
