// What the rows worker hands the window when a library opens, for tests that compare it with the stored rows.
import type { ItemBasics } from '@shared/model'
import { basics } from '../library/item-basics'
import { parseLightPart } from '../library/light-form'
import type { NeurorefDb } from '../library/schema'
import { readLightRows } from './light-rows'

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The light copies handed over, by id, as JSON would keep them, and whether they came from the saved form ('packed') or every row ('rows'). */
export async function readAtOpen(db: NeurorefDb): Promise<{ papers: ItemBasics[]; kinds: Set<'packed' | 'rows'> }> {
  const papers: ItemBasics[] = []
  const kinds = new Set<'packed' | 'rows'>()
  for await (const chunk of readLightRows(db)) {
    if (chunk.kind === 'every row') continue
    kinds.add(chunk.kind)
    if (chunk.kind === 'rows') papers.push(...chunk.items)
    else papers.push(...parseLightPart(chunk.part).papers.filter(item => !chunk.except.includes(item.id)))
  }
  return { papers: JSON.parse(JSON.stringify(papers.sort(byId))), kinds }
}

/** Every paper's light copy made from its stored row, by id, as JSON would keep it. */
export async function lightFromRows(db: NeurorefDb): Promise<ItemBasics[]> {
  return JSON.parse(JSON.stringify((await db.items.toArray()).map(basics).sort(byId)))
}
