import { describe, expect, it } from 'vitest'
import { medlineRecordTexts, readMedlineRecord, type MedlineField } from './nbib-records'

/** How a record's lines were read before they were read by their characters: the tag expression and the continuation test, line by line. */
function fieldsByExpressions(text: string): MedlineField[] {
  const fields: MedlineField[] = []
  for (const raw of text.split('\n')) {
    const trimmed = raw.trimEnd()
    if (!trimmed) continue
    const tagged = /^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$/.exec(trimmed)
    if (tagged) fields.push({ tag: tagged[1], value: tagged[2].trim() })
    else if (fields.length && /^\s+\S/.test(trimmed)) fields[fields.length - 1].value = `${fields[fields.length - 1].value} ${trimmed.trim()}`.trim()
    else fields.push({ tag: '', value: trimmed.trim() })
  }
  return fields
}

// what a line may start with, join its tag to its value with, and hold: the odd cases of real files (CR line ends,
// tabs, non-breaking and ideographic spaces, a byte-order mark, a line separator inside a value) among the usual ones
const TAGS = ['PMID', 'AU', 'FAU', 'A1', 'X', 'ABCDE', 'ab', '', '      ', '\t', '\u00a0', '\u3000', '\ufeffPMID', '1AB']
const JOINS = ['- ', ' - ', '  - ', '   - ', '-', '-  ', ' ', '']
const VALUES = ['Oxytocin and social memory.', '', '  padded  ', 'a\rb', 'x\u2028y', 'end\r', 'tab\tinside', '\u00a0nbsp', 'Müller, José']

describe('readMedlineRecord', () => {
  it('reads every kind of line as the tag expression and continuation test did', () => {
    const lines = TAGS.flatMap(tag => JOINS.flatMap(join => VALUES.map(value => `${tag}${join}${value}`)))
    // each line after a tagged line, a continuation line and a line of its own, so each is read as the next line of each kind
    const text = lines.flatMap(line => ['PMID- 1', line, '      goes on', line, 'AB  - after']).join('\n')
    expect(readMedlineRecord({ line: 1, text }).fields).toEqual(fieldsByExpressions(text))
    expect(lines.length).toBe(TAGS.length * JOINS.length * VALUES.length)
  })

  it('joins a value and its continuation lines with one space, and gathers the values of each tag', () => {
    const record = readMedlineRecord({
      line: 3,
      text: 'PMID- 7\nTI  - The structure of\n      bovine F1-ATPase\n\tcomplexed.\nAU  - Lutter R\nAU  -\n      Leslie AG\n'
    })
    expect(record.fields).toEqual([
      { tag: 'PMID', value: '7' },
      { tag: 'TI', value: 'The structure of bovine F1-ATPase complexed.' },
      { tag: 'AU', value: 'Lutter R' },
      { tag: 'AU', value: 'Leslie AG' }
    ])
    expect(record.byTag.get('AU')).toEqual(['Lutter R', 'Leslie AG'])
    expect(record.line).toBe(3)
  })
})

describe('medlineRecordTexts', () => {
  it('starts a record at each blank line and at each PMID line, and only at a PMID tag', () => {
    const text = 'PMID- 1\nTI  - one\nPMID- 2\nTI  - two\nPMIDX- 3\nPMID  - 4\n\n\nPMID-5\r\nTI  - five\r\n'
    expect(medlineRecordTexts(text)).toEqual([
      { line: 1, text: 'PMID- 1\nTI  - one\n' },
      { line: 3, text: 'PMID- 2\nTI  - two\nPMIDX- 3\n' },
      { line: 6, text: 'PMID  - 4\n' },
      { line: 9, text: 'PMID-5\r\nTI  - five\r\n' }
    ])
  })
})
