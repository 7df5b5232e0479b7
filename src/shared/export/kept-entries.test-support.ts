// Kept entries in a Map, for tests of the bibliography maker: counts the groups written.
import type { KeptEntries } from './bibliography-maker'
import type { PieceEntries } from './citeproc-pieces'

export function keptInMemory(): KeptEntries & { rows: Map<string, PieceEntries>; written: number } {
  const rows = new Map<string, PieceEntries>()
  return {
    rows,
    written: 0,
    async get(keys) {
      return keys.map(key => rows.get(key))
    },
    async put(added) {
      this.written += added.length
      for (const { key, entries } of added) rows.set(key, structuredClone(entries))
    }
  }
}
