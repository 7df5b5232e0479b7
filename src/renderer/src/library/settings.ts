// Settings live in the library database (the renderer owns the library).
import type { Contact } from '../../../shared/model'
import type { NeurorefDb } from './schema'

export async function readSetting<T>(db: NeurorefDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key)
  return row === undefined ? fallback : (row.value as T)
}

export async function writeSetting(db: NeurorefDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value })
}

/** Contact email and NCBI key for polite API use; main lets the environment override them. */
export async function readContact(db: NeurorefDb): Promise<Contact> {
  return readSetting<Contact>(db, 'contact', {})
}
