// A large RIS or MEDLINE file's first papers are on their way (and counted in the
// progress line) while the rest is read: each record is handed to the sink as
// soon as it is converted, after the count of records to try.
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { decodeBibliography } from './decode'
import * as importedRecord from './imported-record'
import type { ParsedFile, RecordSink } from './imported-record'
import { parseMedline } from './nbib'
import { parseRis } from './ris'

// counts the records converted, to see how many were converted when each reached the sink
vi.mock('./imported-record', async original => {
  const module = await original<typeof importedRecord>()
  return { ...module, recordFromCsl: vi.fn(module.recordFromCsl) }
})
const converted = () => vi.mocked(importedRecord.recordFromCsl).mock.calls.length

const text = (path: string) => decodeBibliography(new Uint8Array(readFileSync(path))).text

describe.each([
  ['RIS', parseRis, text('e2e/fixtures/ris/zotero_endnote_48_reference_types_template.ris'), 48],
  ['MEDLINE', parseMedline, text('e2e/fixtures/pubmed/medline_nbib/biopython_pubmed_result2_4records.txt'), 4]
] as const)('%s with a sink', (_, parse: (text: string, sink?: RecordSink) => ParsedFile, file, count) => {
  it('hands each record over as soon as it is converted, after the count of records to try', () => {
    const all = parse(file)
    const said: (string | number)[] = []
    vi.mocked(importedRecord.recordFromCsl).mockClear()
    const sink: RecordSink = {
      total: total => said.push(`total ${total}`),
      record: record => said.push(`${record.csl.title} after ${converted()} converted`)
    }
    const streamed = parse(file, sink)
    expect(all.records).toHaveLength(count)
    expect(said).toEqual([`total ${count}`, ...all.records.map((record, n) => `${record.csl.title} after ${n + 1} converted`)])
    expect(streamed).toEqual({ records: [], problems: all.problems })
  })
})
