// Saved searches on fake-indexeddb: save, rename, delete, and refusals.
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type NeurorefDb } from './schema'
import { deleteSavedSearch, renameSavedSearch, saveSearch } from './saved-searches'

let db: NeurorefDb
afterEach(() => db?.delete())

describe('saved searches', () => {
  it('save a query under a name, rename it, delete it', async () => {
    db = openLibrary(`saved-${Math.random()}`)
    const saved = await saveSearch(db, ' Oxytocin papers ', ' oxytocin year:2015-2021 ')
    expect(await db.savedSearches.get(saved.id)).toMatchObject({ name: 'Oxytocin papers', query: 'oxytocin year:2015-2021' })
    await renameSavedSearch(db, saved.id, 'OT 2015–2021')
    expect((await db.savedSearches.get(saved.id))?.name).toBe('OT 2015–2021')
    await deleteSavedSearch(db, saved.id)
    expect(await db.savedSearches.count()).toBe(0)
  })

  it('refuse an empty name or query, and renaming one that is gone', async () => {
    db = openLibrary(`saved-${Math.random()}`)
    await expect(saveSearch(db, '', 'oxytocin')).rejects.toThrow('A saved search needs a name.')
    await expect(saveSearch(db, 'Nothing', '  ')).rejects.toThrow('before saving the search')
    await expect(renameSavedSearch(db, 'gone', 'New')).rejects.toThrow('no longer exists')
    expect(await db.savedSearches.count()).toBe(0)
  })
})
