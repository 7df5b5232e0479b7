// Three-way merge of two versions of a paper that changed apart from each
// other, against the version both started from. Different fields merge; tags
// and collections merge as sets; a field both sides changed differently keeps
// `kept`'s value and records the other in `syncConflicts`, for the researcher
// to resolve. A paper trashed on one side and edited on the other comes out
// of the Trash, marked. The result depends only on the two versions and their
// base, so two computers resolving the same conflict write the same document.
import type { Note, SyncConflict } from '@shared/model'
import { canonical, type PaperData } from './documents'

type Fields = Record<string, unknown>

const SETS = new Set(['tags', 'collectionIds', 'editedFields', 'sources', 'removedPeptideTags', 'syncConflicts'])
/** fields no researcher edits: the later time wins */
const LATEST = new Set(['modifiedAt'])
const EARLIEST = new Set(['addedAt'])
/** who added and who last edited (lab libraries): bookkeeping, the kept side's names win */
const WHO = new Set(['addedBy', 'editedBy'])
const QUIET = new Set([...LATEST, ...EARLIEST, ...WHO, 'syncConflicts', 'trashedAt'])

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b)

/** What either side added, less what either side removed (entries compared as JSON). */
function mergeSet(base: unknown, a: unknown, b: unknown): unknown[] {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(x => canonical(x)) : [])
  const [before, left, right] = [list(base), list(a), list(b)]
  const removed = new Set(before.filter(x => !left.includes(x) || !right.includes(x)))
  return [...new Set([...left, ...right])].filter(x => !removed.has(x)).map(x => JSON.parse(x) as unknown)
}

/** Merges one level of fields; `prefix` names nested fields (`csl.`) in conflicts. */
function mergeFields(base: Fields, a: Fields, b: Fields, prefix: string, conflicts: SyncConflict[], sides: Sides): Fields {
  const out: Fields = {}
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const field = prefix + key
    const [was, left, right] = [base[key], a[key], b[key]]
    let value: unknown
    if (same(left, right)) value = left
    else if (same(was, left)) value = right
    else if (same(was, right)) value = left
    else if (SETS.has(field)) value = mergeSet(was, left, right)
    else if (LATEST.has(field)) value = Math.max(Number(left ?? 0), Number(right ?? 0))
    else if (WHO.has(field)) value = left ?? right
    else if (EARLIEST.has(field)) value = Math.min(Number(left ?? Infinity), Number(right ?? Infinity))
    else if (field === 'csl') value = mergeFields((was as Fields) ?? {}, (left as Fields) ?? {}, (right as Fields) ?? {}, 'csl.', conflicts, sides)
    else {
      value = left
      conflicts.push({ field, kept: left ?? null, other: right ?? null, ...sides })
    }
    if (value !== undefined) out[key] = value
  }
  return out
}

/** Fields (other than bookkeeping) that differ between `base` and `side`. */
function editedApart(base: Fields, side: Fields): boolean {
  return [...new Set([...Object.keys(base), ...Object.keys(side)])].some(key => !QUIET.has(key) && !same(base[key], side[key]))
}

/** The computers that wrote the kept and the other version, when known. */
export interface Sides {
  keptOn?: string
  otherOn?: string
}

export function mergePapers(base: PaperData | undefined, kept: PaperData, other: PaperData, sides: Sides = {}): PaperData {
  const was = (base ?? {}) as Fields
  const conflicts: SyncConflict[] = []
  const merged = mergeFields(was, kept as unknown as Fields, other as unknown as Fields, '', conflicts, sides) as unknown as PaperData
  const trashedOnlyBy = (side: PaperData, elsewhere: PaperData): boolean =>
    was.trashedAt === undefined && side.trashedAt !== undefined && elsewhere.trashedAt === undefined && editedApart(was, elsewhere as unknown as Fields)
  if (trashedOnlyBy(kept, other) || trashedOnlyBy(other, kept)) {
    // kept: out of the Trash (the edit); other: the time it was trashed, on the computer that trashed it
    const trashedHere = kept.trashedAt !== undefined
    conflicts.push({
      field: 'trashedAt',
      kept: null,
      other: kept.trashedAt ?? other.trashedAt,
      keptOn: trashedHere ? sides.otherOn : sides.keptOn,
      otherOn: trashedHere ? sides.keptOn : sides.otherOn
    })
    delete merged.trashedAt
  }
  const all = [...(merged.syncConflicts ?? []), ...conflicts].filter((c, i, list) => list.findIndex(d => same(c, d)) === i)
  if (all.length) merged.syncConflicts = all
  else delete merged.syncConflicts
  return merged
}

/** A note written on both sides: both texts stay, the other under a line saying where it came from. */
export function mergeNotes(base: Note | undefined, kept: Note, other: Note): Note {
  if (kept.text === other.text || other.text === base?.text) return { ...kept, modifiedAt: Math.max(kept.modifiedAt, other.modifiedAt) }
  if (kept.text === base?.text) return { ...other, modifiedAt: Math.max(kept.modifiedAt, other.modifiedAt) }
  return { ...kept, text: `${kept.text}\n\n---\n*Also written on another computer:*\n\n${other.text}`, modifiedAt: Math.max(kept.modifiedAt, other.modifiedAt) }
}
