// The bad-input corpus: files that once froze the window, ate gigabytes, lost
// data silently or were refused for a trifle, each with what the researcher
// must be told now. e2e/fixtures/bad-input/README.md says how to add one.
// Runners: src/shared/import/bad-input.test.ts (every "import-file" case, in
// vitest) and e2e/bad-input.spec.ts (the cases marked `ui`, through the web
// edition's Import file button).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export interface BadInput {
  /** the file name; where it lives is `from` */
  file: string
  /** committed in e2e/fixtures/bad-input (default), written by scripts/bad-input.mjs, or another fixture folder's file */
  from?: 'generated' | `e2e/fixtures/${string}`
  /** which runner reads it: "import-file" is Import file, "restore-backup" is Restore library; other engineers add their own kinds (see the README) */
  kind: 'import-file' | 'restore-backup'
  /** what is wrong with it, in a few words */
  what: string
  /** a sentence (or part of one) the researcher sees: in the status line or in one of its detail lines */
  told: string
  /** records that still come in; 0 means the library must be unchanged */
  added: number
  /** a generous bound against hangs (seconds), not a benchmark */
  seconds: number
  /** also run through the real UI in Playwright */
  ui?: boolean
}

const NOT_A_BIBLIOGRAPHY = 'is not a bibliography file Neuroref can read (BibTeX, RIS, MEDLINE/.nbib, CSL-JSON or EndNote XML). Nothing was imported.'

export const BAD_INPUTS: BadInput[] = [
  // Issue 11, item 8
  {
    file: 'ris-200k-keywords.ris',
    from: 'generated',
    kind: 'import-file',
    what: 'one RIS record with 200,000 KW lines; froze the window for 265 s (quadratic list copying)',
    told: 'ris-200k-keywords.ris (RIS, utf-8): 1 added.',
    added: 1,
    seconds: 60,
    ui: true
  },
  {
    file: 'bibtex-3000-string-chain.bib',
    from: 'generated',
    kind: 'import-file',
    what: '3,000 @string macros each defined through the one before; took 138 s (roughly cubic)',
    told: 'bibtex-3000-string-chain.bib (BibTeX, utf-8): 1 added.',
    added: 1,
    seconds: 60
  },
  {
    file: 'bibtex-doubling-macros.bib',
    kind: 'import-file',
    what: 'a 704-byte file whose @string macros double 25 times: a 268-million-character title',
    told: 'The title field would be 268,435,456 characters long with its @string abbreviations expanded (Neuroref keeps up to 1,000,000 characters per field), so it was left out.',
    added: 1,
    seconds: 30,
    ui: true
  },
  {
    file: 'bibtex-undefined-and-circular-macros.bib',
    kind: 'import-file',
    what: 'an @string name that is never defined, two defined through each other; were silently read as empty',
    told: 'The journal field uses the @string abbreviation "jneurosci", which the file does not define; it was read as empty.',
    added: 2,
    seconds: 30
  },
  {
    file: 'bibtex-undefined-and-circular-macros.bib',
    kind: 'import-file',
    what: '(the same file) the circular pair is named at its definition',
    told: 'The @string abbreviation "ping" is defined through itself (ping → pong → ping), so it was read as empty.',
    added: 2,
    seconds: 30
  },
  {
    file: 'bibtex-100k-nested-braces.bib',
    from: 'generated',
    kind: 'import-file',
    what: 'a title in 100,000 nested braces; citation-js overflowed its stack and it was called "a syntax error, often a missing comma"',
    told: 'The title field nests braces 100,001 levels deep (Neuroref reads up to 100), so it was left out.',
    added: 2,
    seconds: 30,
    ui: true
  },
  {
    file: 'bibtex-3mb-abstract.bib',
    from: 'generated',
    kind: 'import-file',
    what: 'one abstract of 3,000,000 characters; was stored whole',
    told: 'The abstract field is 3,000,000 characters long (Neuroref keeps up to 1,000,000 characters per field), so it was left out.',
    added: 1,
    seconds: 30
  },
  // Issue 11, item 9
  {
    file: 'invalid-utf8-one-latin1-entry.bib',
    kind: 'import-file',
    what: 'a UTF-8 file with one entry in latin-1; the whole file was read as windows-1252 (Miñarro became MiÃ±arro) without a word',
    told: 'Line 13: This line is not valid UTF-8 like the rest of the file; it was read as Windows-1252 (check its accented letters).',
    added: 3,
    seconds: 30,
    ui: true
  },
  {
    file: 'nul-byte.ris',
    kind: 'import-file',
    what: 'a short RIS file with one NUL byte in its title; was refused whole as "not a bibliography"',
    told: 'Line 2: A NUL byte (an invisible control character, often left by a crash or a bad copy) was removed from this line.',
    added: 1,
    seconds: 30,
    ui: true
  },
  {
    file: 'nul-byte.bib',
    kind: 'import-file',
    what: 'a BibTeX file ending in 4,096 NUL bytes, as a crash leaves it; was refused whole',
    told: 'Line 6: 4,096 NUL bytes (invisible control characters, often left by a crash or a bad copy) were removed from this line.',
    added: 1,
    seconds: 30
  },
  // Found while fixing the above: the same kinds of slowness and recursion in the other readers
  {
    file: 'nbib-100k-continuation-lines.nbib',
    from: 'generated',
    kind: 'import-file',
    what: 'a MEDLINE abstract continued over 100,000 lines; took 181 s (the value was re-joined line by line)',
    told: 'nbib-100k-continuation-lines.nbib (MEDLINE, utf-8): 1 added.',
    added: 1,
    seconds: 60
  },
  {
    file: 'bibtex-100k-at-signs-on-one-line.bib',
    from: 'generated',
    kind: 'import-file',
    what: 'a line of 100,000 "@a "; took 50 s (each "@" looked back to the line start)',
    told: 'bibtex-100k-at-signs-on-one-line.bib (BibTeX, utf-8): 1 added.',
    added: 1,
    seconds: 60
  },
  {
    file: 'blank-lines-1m.txt',
    from: 'generated',
    kind: 'import-file',
    what: 'a million blank lines and a sentence; the BibTeX sniffing pattern was quadratic in blank lines',
    told: `blank-lines-1m.txt ${NOT_A_BIBLIOGRAPHY}`,
    added: 0,
    seconds: 60
  },
  {
    file: 'csl-json-100k-nested-arrays.json',
    from: 'generated',
    kind: 'import-file',
    what: 'a CSL-JSON title nested 100,000 arrays deep; overflowed the stack ("could not be read")',
    told: 'Entry (item 1): The title field nests more than 100 levels deep, so it was left out.',
    added: 2,
    seconds: 30
  },
  {
    file: 'endnote-100k-nested-styles.xml',
    from: 'generated',
    kind: 'import-file',
    what: 'an EndNote XML title inside 100,000 nested <style> elements; overflowed the stack',
    told: 'The file nests XML elements 100,005 levels deep (Neuroref reads up to 100), so it could not be read.',
    added: 0,
    seconds: 30
  },
  // Issue 13: large RIS and MEDLINE files with something hostile among thousands of good records
  {
    file: 'ris-1mb-title-no-end.ris',
    from: 'generated',
    kind: 'import-file',
    what: '2,000 RIS records, then one whose title is a 1 MB line and which never ends (no ER); the problem quoted the whole title',
    told: `Line 14001 (${'oxytocin'.repeat(10)}): The title field is 1,048,576 characters long (Neuroref keeps up to 1,000,000 characters per field), so it was left out.`,
    added: 2001,
    seconds: 60,
    ui: true
  },
  {
    file: 'nbib-1mb-abstract-no-end.nbib',
    from: 'generated',
    kind: 'import-file',
    what: '2,000 MEDLINE records, then one whose abstract is a 1 MB line and which never ends',
    told: 'Line 16001 (A record that never ends.): The abstract field is 1,048,576 characters long (Neuroref keeps up to 1,000,000 characters per field), so it was left out.',
    added: 2001,
    seconds: 60
  },
  {
    file: 'ris-binary-noise.ris',
    from: 'generated',
    kind: 'import-file',
    what: '2,000 RIS records, 1 MB of binary noise, 10 more records',
    told: 'Line 14001: This line is not valid UTF-8 like the rest of the file; it was read as Windows-1252 (check its accented letters).',
    added: 2010,
    seconds: 60
  },
  {
    file: 'nbib-binary-noise.nbib',
    from: 'generated',
    kind: 'import-file',
    what: '2,000 MEDLINE records, 1 MB of binary noise, 10 more records',
    told: 'Line 16001: This part of the file is not a MEDLINE record (it has no PMID or title), so it was skipped.',
    added: 2010,
    seconds: 60
  },
  // Bad inputs that were already handled: they must stay handled
  {
    file: 'zotero_bibtex_malformed_missing_comma_paths.bib',
    from: 'e2e/fixtures/bibtex/zotero',
    kind: 'import-file',
    what: 'a real Zotero export with a missing comma in one entry',
    told: 'Line 27 (mendeleyFilePaths2): The entry could not be read: a BibTeX syntax error near line 29 (often a missing comma or brace).',
    added: 6,
    seconds: 30,
    ui: true
  },
  {
    file: 'jabref_corrupted_bom_no_TY.ris',
    from: 'e2e/fixtures/ris',
    kind: 'import-file',
    what: 'a RIS record without its TY line, behind a damaged byte-order mark',
    told: 'This record has no TY (type) line, so it was skipped.',
    added: 0,
    seconds: 30
  },
  {
    file: 'pdfjs_empty_page.pdf',
    from: 'e2e/fixtures/pdf/broken',
    kind: 'import-file',
    what: 'a PDF given to Import file',
    told: `pdfjs_empty_page.pdf ${NOT_A_BIBLIOGRAPHY}`,
    added: 0,
    seconds: 30,
    ui: true
  },
  { file: 'prose.txt', kind: 'import-file', what: 'lab notes, not a bibliography', told: `prose.txt ${NOT_A_BIBLIOGRAPHY}`, added: 0, seconds: 30 },
  { file: 'empty.bib', kind: 'import-file', what: 'an empty file', told: `empty.bib ${NOT_A_BIBLIOGRAPHY}`, added: 0, seconds: 30 },
  {
    file: 'endnote-billion-laughs.xml',
    kind: 'import-file',
    what: 'an EndNote-looking XML file whose DTD defines nested entities ("billion laughs"); the parser must not expand them',
    told: `endnote-billion-laughs.xml ${NOT_A_BIBLIOGRAPHY}`,
    added: 0,
    seconds: 30
  },
  // Issue 11, item 1: each replaced every paper, then said "The library is as it was"; the window stayed at "opening the library…"
  {
    file: 'backup-item-without-fields.json',
    kind: 'restore-backup',
    what: 'a backup whose one paper has an id and a date added but no bibliographic fields',
    told: 'backup-item-without-fields.json cannot be restored: row 1 of items (id “x2”) has no bibliographic fields (csl). It is the only damaged row. Nothing was changed.',
    added: 0,
    seconds: 30,
    ui: true
  },
  {
    file: 'backup-item-id-only.json',
    kind: 'restore-backup',
    what: 'a backup whose one paper is an id alone',
    told: 'backup-item-id-only.json cannot be restored: row 1 of items (id “x1”) has no bibliographic fields (csl). It is the only damaged row. Nothing was changed.',
    added: 0,
    seconds: 30
  },
  // Issue 11, item 4: backups became lines of JSON, read as a stream; each of these must change nothing
  {
    file: 'backup-truncated.ndjson',
    kind: 'restore-backup',
    what: 'a backup of lines cut short in the middle of its third paper, with no end line (a full disk, an interrupted copy)',
    told: 'backup-truncated.ndjson cannot be restored: the file ends early, after 2 rows, before its end line (it was cut short, perhaps by a full disk or an interrupted copy). Nothing was changed.',
    added: 0,
    seconds: 30,
    ui: true
  },
  {
    file: 'backup-line-not-json.ndjson',
    kind: 'restore-backup',
    what: 'a backup of lines whose second paper is a line of plain text',
    told: 'backup-line-not-json.ndjson cannot be restored: line 3 is not JSON. It is the only damaged row. Nothing was changed.',
    added: 0,
    seconds: 30
  },
  {
    file: 'backup-newer-version.ndjson',
    kind: 'restore-backup',
    what: 'a backup of lines whose header says version 4 (a newer Neuroref)',
    told: 'backup-newer-version.ndjson was made by a newer version of Neuroref. Update Neuroref to restore it. Nothing was changed.',
    added: 0,
    seconds: 30
  }
]

const ROOT = path.resolve(__dirname, '..', '..')
const GENERATED = path.join(ROOT, 'node_modules', '.cache', 'bad-input')
let generated = false

/** Where the case's file is on disk; generated files are (re)written first, once per test process. */
export function badInputPath(input: BadInput): string {
  if (input.from !== 'generated') return path.join(ROOT, input.from ?? 'e2e/fixtures/bad-input', input.file)
  if (!generated) {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bad-input.mjs'), GENERATED], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`scripts/bad-input.mjs failed: ${run.stderr}`)
    generated = true
  }
  const file = path.join(GENERATED, input.file)
  if (!existsSync(file)) throw new Error(`${input.file} is marked "generated" but scripts/bad-input.mjs does not write it`)
  return file
}
