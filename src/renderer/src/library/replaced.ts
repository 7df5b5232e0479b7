// What a change of many papers (a tag, a collection, the Trash) replaced in each paper, for Undo (`putBack` in edit.ts):
// the fields it set, as they were, rather than the whole rows. A whole library's rows kept for Undo held every paper's abstract
// and record for as long as the step was kept; and writing whole rows back undid too what had changed the papers since
// (a tag undone after the papers went to the Trash took them out of it).
import type { Item } from '@shared/model'

/** What a change replaced in one paper: each field it set, as it was (undefined: the paper had no such field). */
export interface Replaced {
  id: string
  fields: Partial<Item>
}

/** The fields `now` holds otherwise than `was` (a shallow copy made before the change: a change sets fields anew), as `was` held them. */
export function replacedIn(was: Item, now: Item): Replaced {
  const before = was as unknown as Record<string, unknown>
  const after = now as unknown as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(before)) if (before[key] !== after[key]) fields[key] = before[key]
  for (const key of Object.keys(after)) if (!(key in before)) fields[key] = undefined
  return { id: now.id, fields }
}
