// A library built once per test file and handed to each test as a fresh database holding the same rows: building
// 1,600 papers with their saved index and light form was most of each test's time, and files of such tests neared
// the 20 s limit on a loaded machine.
import Dexie from 'dexie'
import { openLibrary, type NeurorefDb } from './schema'

/** Every table's rows as stored: read without the library's reading hooks (every table keeps its key in its rows). */
async function storedRows(name: string): Promise<{ table: string; rows: unknown[] }[]> {
  const plain = new Dexie(name)
  await plain.open()
  try {
    return await Promise.all(plain.tables.map(async table => ({ table: table.name, rows: await table.toArray() })))
  } finally {
    plain.close()
  }
}

/** A library made by `build` once (at the first call), then at each call a fresh database holding its rows as stored. */
export function libraryCopies(build: (db: NeurorefDb) => Promise<void>): (name: string) => Promise<NeurorefDb> {
  let stored: ReturnType<typeof storedRows> | undefined
  const built = async () => {
    const db = openLibrary(`built-once-${Math.random()}`)
    try {
      await build(db)
      return await storedRows(db.name)
    } finally {
      await db.delete()
    }
  }
  return async name => {
    const tables = await (stored ??= built())
    const db = openLibrary(`${name}-${Math.random()}`)
    await db.transaction('rw', db.tables, async () => {
      for (const { table, rows } of tables) await db.table(table).bulkPut(rows)
    })
    return db
  }
}
