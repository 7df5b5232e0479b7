// How many rows of the library's papers a test's code reads from IndexedDB (whole rows, not only their keys).
import type { DBCoreTable } from 'dexie'
import { openLibrary, type NeurorefDb } from './schema'

/** The library of this name opened again, counting every paper row read through it. */
export function countingItemReads(name: string): { db: NeurorefDb; read: () => number } {
  const db = openLibrary(name)
  let read = 0
  db.use({
    stack: 'dbcore',
    name: 'count paper rows read',
    create: down => ({
      ...down,
      table: tableName => {
        const table = down.table(tableName)
        if (tableName !== 'items') return table
        const counted: DBCoreTable = {
          ...table,
          get: async request => {
            const row = await table.get(request)
            if (row !== undefined) read++
            return row
          },
          getMany: async request => {
            const rows = await table.getMany(request)
            read += rows.filter(row => row !== undefined).length
            return rows
          },
          query: async request => {
            const answer = await table.query(request)
            if (request.values) read += answer.result.length
            return answer
          },
          openCursor: async request => {
            if (request.values) throw new Error('rows read by a cursor are not counted here')
            return table.openCursor(request)
          }
        }
        return counted
      }
    })
  })
  return { db, read: () => read }
}
