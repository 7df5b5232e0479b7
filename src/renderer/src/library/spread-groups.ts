// An announced import's group rows (paper-groups.ts) spread into a row a paper, in the background (a worker:
// features/import/spread-groups.worker.ts): the library reads grouped papers as rows, but each read of one looks in the
// groups too. One transaction a group reads it, deletes it and adds its papers, so a stop (a closed window) leaves each
// group whole or spread, and the next opening spreads the rest. A paper changed while grouped was taken out of its group
// by that change (the middleware), so the group no longer holds it and the change stays.
import type { Item } from '@shared/model'
import type { NeurorefDb } from './schema'
import { unfinishedImports } from './unfinished-import'

/** The import a group row belongs to (its key is `${importId} ${batch} ${part}`). */
const importOf = (key: string) => key.split(' ')[0]

/** Spreads one group into rows, unless another spread did already; returns whether it did. */
async function spreadGroup(db: NeurorefDb, key: string): Promise<boolean> {
  return db.transaction('rw', [db.items, db.paperGroups], async () => {
    const group = await db.paperGroups.get(key)
    if (!group) return false
    // the group first: the adds then find none of their ids grouped, and go straight to the rows
    await db.paperGroups.delete(key)
    // rows as stored (peptide tags as one string, abstract as bytes): the table's type has them as read
    await db.items.bulkAdd(group.papers as Item[])
    return true
  })
}

/**
 * Spreads the groups of every announced import (those of an import still being written, or left unfinished, stay:
 * it announces them or they are removed with it). `stopped`, asked between groups, ends it early. Returns how many
 * groups it spread.
 */
export async function spreadAnnouncedGroups(db: NeurorefDb, stopped: () => boolean = () => false): Promise<number> {
  const [keys, unfinished] = await db.transaction('r', [db.paperGroups, db.settings], () =>
    Promise.all([db.paperGroups.toCollection().primaryKeys(), unfinishedImports(db)])
  )
  let spread = 0
  for (const key of keys) {
    if (stopped()) break
    if (!unfinished.has(importOf(key)) && (await spreadGroup(db, key))) spread++
  }
  return spread
}
