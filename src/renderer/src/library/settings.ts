// Settings live in the library database (the renderer owns the library).
// Every write goes through here and emits a "settings" event with its key.
import type { Contact } from '@shared/model'
import type { NeurorefDb } from './schema'
import { write } from './write'

export async function readSetting<T>(db: NeurorefDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key)
  return row === undefined ? fallback : (row.value as T)
}

export async function writeSetting(db: NeurorefDb, key: string, value: unknown): Promise<void> {
  await write(db, [db.settings], async changes => {
    await db.settings.put({ key, value })
    changes.record({ kind: 'settings', change: 'changed', ids: [key] })
  })
}

/** Reads a setting, changes it and writes it back in one transaction, so two quick changes never lose each other. */
export async function updateSetting<T>(db: NeurorefDb, key: string, fallback: T, change: (value: T) => T | undefined): Promise<void> {
  await write(db, [db.settings], async changes => {
    const next = change(await readSetting(db, key, fallback))
    if (next === undefined) return
    await db.settings.put({ key, value: next })
    changes.record({ kind: 'settings', change: 'changed', ids: [key] })
  })
}

/** Contact email and NCBI key for polite API use; main lets the environment override them. */
export async function readContact(db: NeurorefDb): Promise<Contact> {
  return readSetting<Contact>(db, 'contact', {})
}
