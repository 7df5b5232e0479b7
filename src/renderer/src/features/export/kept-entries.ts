// Formatted reference-list entries kept between sessions, so the first list
// of a session is as quick as a repeat when its papers have not changed. Not
// library data: entries are derived from papers and a style, keyed by a hash
// of both (an edited paper or another style is another key), and may be lost
// at any time. Its own database, so a library restore or sync never meets it.
import Dexie, { type Table } from 'dexie'
import type { KeptEntries } from '@shared/export/bibliography-maker'
import type { PieceEntries } from '@shared/export/citeproc-pieces'

interface Row {
  key: string
  entries: PieceEntries
  /** when the group was last written, to forget the oldest first */
  at: number
}

/** Groups kept: about ten lists of 10,000 papers in different styles (each group a few papers, a few kB). */
const MOST = 100_000

class KeptEntriesDb extends Dexie {
  groups!: Table<Row, string>
  constructor(name: string) {
    super(name)
    this.version(1).stores({ groups: 'key, at' })
  }
}

export function keptEntriesIn(name = 'neuroref-bibliography-entries', most = MOST): KeptEntries {
  const db = new KeptEntriesDb(name)
  let clock = Date.now()
  return {
    async get(keys) {
      const rows = await db.groups.bulkGet(keys)
      return rows.map(row => row?.entries)
    },
    async put(added) {
      await db.groups.bulkPut(added.map(({ key, entries }) => ({ key, entries, at: clock++ })))
      const over = (await db.groups.count()) - most
      if (over > 0) await db.groups.orderBy('at').limit(over).delete()
    }
  }
}
