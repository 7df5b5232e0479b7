// Saved PubMed searches: the query, when it was last checked, and the papers
// PubMed added since then that are not in the library yet.
import type { NeurorefApi } from '@shared/contract'
import type { AppError } from '@shared/result'
import type { NeurorefDb, PubmedSavedSearch } from './schema'
import { write } from './write'

const DAY_MS = 24 * 3600 * 1000
const CHECK_PAGE = 200

/** PubMed's date form, in UTC: 2026/11/27. */
export function entrezDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/')
}

export async function savePubmedSearch(db: NeurorefDb, name: string, query: string, now = Date.now()): Promise<PubmedSavedSearch> {
  const search: PubmedSavedSearch = { id: crypto.randomUUID(), name, query, createdAt: now, lastCheckedAt: now, checkFrom: entrezDate(now), newPmids: [] }
  await write(db, [db.pubmedSearches], async changes => {
    await db.pubmedSearches.add(search)
    changes.record({ kind: 'search', change: 'added', ids: [search.id] })
  })
  return search
}

/**
 * Asks PubMed for papers added since the last check; those not already in
 * the library join `newPmids`. The next check starts from today.
 */
export async function checkPubmedSearch(db: NeurorefDb, api: NeurorefApi, id: string, now = Date.now()): Promise<{ found: number } | { error: AppError }> {
  const search = await db.pubmedSearches.get(id)
  if (!search) return { found: 0 }
  const pmids: string[] = []
  for (let start = 0; ; start += CHECK_PAGE) {
    const page = await api['pubmed.search']({ query: search.query, start, size: CHECK_PAGE, since: search.checkFrom })
    if (!page.ok) {
      await write(db, [db.pubmedSearches], async changes => {
        if (await db.pubmedSearches.update(id, { lastError: page.error.message })) changes.record({ kind: 'search', change: 'changed', ids: [id] })
      })
      return { error: page.error }
    }
    pmids.push(...page.value.pmids)
    if (page.value.pmids.length < CHECK_PAGE || start + CHECK_PAGE >= page.value.count) break
  }
  return write(db, [db.pubmedSearches, db.items], async changes => {
    const owned = new Set((await db.items.where('pmid').anyOf(pmids).toArray()).map(i => i.pmid))
    const fresh = pmids.filter(pmid => !owned.has(pmid) && !search.newPmids.includes(pmid))
    await db.pubmedSearches.update(id, {
      newPmids: [...search.newPmids, ...fresh].filter(pmid => !owned.has(pmid)),
      lastCheckedAt: now,
      checkFrom: entrezDate(now),
      lastError: undefined
    })
    changes.record({ kind: 'search', change: 'changed', ids: [id] })
    return { found: fresh.length }
  })
}

/** Start-up: check each saved search at most once a day, and not when offline. */
export async function checkDueSearches(db: NeurorefDb, api: NeurorefApi, online: boolean, now = Date.now()): Promise<void> {
  if (!online) return
  for (const search of await db.pubmedSearches.toArray()) {
    if (!search.lastCheckedAt || now - search.lastCheckedAt >= DAY_MS) await checkPubmedSearch(db, api, search.id, now)
  }
}

/** Papers added (or dismissed) leave the "new" list. */
export async function forgetNewPmids(db: NeurorefDb, id: string, pmids: string[]): Promise<void> {
  await write(db, [db.pubmedSearches], async changes => {
    const search = await db.pubmedSearches.get(id)
    if (!search) return
    await db.pubmedSearches.update(id, { newPmids: search.newPmids.filter(p => !pmids.includes(p)) })
    changes.record({ kind: 'search', change: 'changed', ids: [id] })
  })
}
