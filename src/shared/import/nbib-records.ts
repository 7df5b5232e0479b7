// MEDLINE text (PubMed's .nbib / "MEDLINE" download, also ERIC's export) →
// records of tagged lines. A line is "TAG - value" with the tag padded to
// four characters ("PMID- ", "AU  - ", "LID - "); a value goes on over lines
// indented by six spaces; records are separated by a blank line.

export interface MedlineField {
  tag: string
  value: string
}

export interface MedlineRecord {
  /** 1-based line where the record starts */
  line: number
  /** fields in file order (an author's AD lines follow its FAU/AU line) */
  fields: MedlineField[]
}

const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$/
const CONTINUATION = /^\s+\S/

/** True when `text` looks like MEDLINE: "PMID- …" or four-letter tags such as "FAU - ", "OWN - ". */
export function looksLikeMedline(text: string): boolean {
  return /^(?:PMID|OWN |STAT|FAU |DCOM)- /m.test(text.slice(0, 8000))
}

export function splitMedlineRecords(text: string): MedlineRecord[] {
  const records: MedlineRecord[] = []
  // a value's continuation lines, joined once at the end (joining line by line took minutes for 100,000 lines)
  const continued = new Map<MedlineField, string[]>()
  let current: MedlineRecord | null = null
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd() // not /\s+$/: on a long run of spaces inside a line that takes quadratic time
    if (!line) {
      current = null
      return
    }
    const tagged = TAG_LINE.exec(line)
    if (tagged) {
      // "PMID-" always starts a record, even without the blank line before it.
      if (!current || tagged[1] === 'PMID') records.push((current = { line: index + 1, fields: [] }))
      current.fields.push({ tag: tagged[1], value: tagged[2].trim() })
    } else if (current && CONTINUATION.test(line) && current.fields.length) {
      const last = current.fields[current.fields.length - 1]
      const lines = continued.get(last)
      if (lines) lines.push(line.trim())
      else continued.set(last, [line.trim()])
    } else if (!current) {
      records.push((current = { line: index + 1, fields: [{ tag: '', value: line.trim() }] }))
    } else {
      current.fields.push({ tag: '', value: line.trim() })
    }
  })
  for (const [field, lines] of continued) field.value = `${field.value} ${lines.join(' ')}`.trim()
  return records
}

/** All values of `tag`, in order. */
export function valuesOf(record: MedlineRecord, tag: string): string[] {
  return record.fields.filter(f => f.tag === tag).map(f => f.value)
}

export function valueOf(record: MedlineRecord, tag: string): string | undefined {
  return record.fields.find(f => f.tag === tag)?.value
}
