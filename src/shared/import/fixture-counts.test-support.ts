// Every fixture of a folder reads with the expected number of records and no
// problems; a new fixture without an expectation fails the test.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ParsedFile } from './imported-record'

export function describeFixtureCounts(title: string, dir: string, expected: [string, number][], read: (file: string) => ParsedFile): void {
  describe(title, () => {
    it('covers every fixture', () => {
      expect(expected.map(([file]) => file).sort()).toEqual(readdirSync(dir).sort())
    })

    it.each(expected)('%s: %i records, no problems', (file, records) => {
      const result = read(file)
      expect(result.records).toHaveLength(records)
      expect(result.problems).toEqual([])
    })
  })
}
