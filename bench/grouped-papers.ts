// An import's papers are written in group rows and spread into a row each in the background once announced
// (library/spread-groups.ts): how long after searchable the spread ends, read from the page's own IndexedDB.
import type { Page } from '@playwright/test'

/** Group rows left in the page's libraries (0 where the schema has none: the code before grouped rows). */
function groupsLeft(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let left = 0
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error ?? new Error(`${name} did not open`))
      })
      if (db.objectStoreNames.contains('paperGroups')) {
        const count = db.transaction('paperGroups').objectStore('paperGroups').count()
        left += await new Promise<number>(resolve => (count.onsuccess = () => resolve(count.result)))
      }
      db.close()
    }
    return left
  })
}

/** Waits until no group row is left; returns how long that took (ms) and how many there were at first. */
export async function spreadEnds(page: Page): Promise<{ spreadMs: number; groupsAtSearchable: number }> {
  const started = Date.now()
  const groupsAtSearchable = await groupsLeft(page)
  while ((await groupsLeft(page)) > 0) await new Promise(resolve => setTimeout(resolve, 100))
  return { spreadMs: Date.now() - started, groupsAtSearchable }
}
