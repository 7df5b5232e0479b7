// The large files of the bad-input corpus (e2e/fixtures/bad-input/README.md),
// written on demand instead of committed: each is a few lines of code but
// megabytes of bytes. `node scripts/bad-input.mjs [folder]` writes every one
// into `folder` (default node_modules/.cache/bad-input) and skips those
// already there at the right size, so tests can call it each run.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repeat = (count, line) => Array.from({ length: count }, (_, i) => line(i)).join('')

// small well-formed records, for the large files that hide something hostile among them
const risRecord = i =>
  `TY  - JOUR\nTI  - Oxytocin and social memory, part ${i}\nAU  - Neumann, Inga D.\nPY  - 2020\nAB  - Vasopressin and oxytocin in the lateral septum.\nER  - \n\n`
const medlineRecord = i =>
  `PMID- ${31_000_000 + i}\nTI  - Oxytocin and social memory, part ${i}.\nFAU - Neumann, Inga D\nAU  - Neumann ID\nDP  - 2020 Jan\nAB  - Vasopressin and oxytocin in the lateral\n      septum.\n\n`

/** `text`, then `count` bytes of noise (the same each run) as a disk or sync tool leaves in a file, then `after`. */
function withNoise(text, count, after) {
  const noise = new Uint8Array(count)
  for (let i = 0, x = 12_345; i < count; i++) noise[i] = (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) >>> 24
  return Buffer.concat([Buffer.from(text), noise, Buffer.from(after)])
}

/** name → the file's text (or bytes). Add a generator here when a case is too big to commit. */
export const GENERATED = {
  // Issue 11 item 8: one record with 200,000 KW lines (≈1.8 MB); froze the window 265 s.
  'ris-200k-keywords.ris': () =>
    `TY  - JOUR\nTI  - Oxytocin and 200,000 keywords\nPY  - 2020\n${repeat(200_000, i => `KW  - ${(i % 1296).toString(36)}\n`)}ER  - \n`,
  // Issue 11 item 8: 3,000 @string macros, each defined through the one before (≈85 KB); took 138 s.
  'bibtex-3000-string-chain.bib': () =>
    `@string{m0 = "Journal of Neuroendocrinology"}\n${repeat(2999, i => `@string{m${i + 1} = m${i} # " x"}\n`)}` +
    `@article{chain2020,\n  author = {Neumann, Inga D.},\n  title = {Chained abbreviations},\n  journal = m2999,\n  year = 2020\n}\n`,
  // A title in 100,000 nested braces (≈200 KB): citation-js's recursive reader overflows its stack.
  'bibtex-100k-nested-braces.bib': () =>
    `@article{deep2020,\n  author = {Koob, George F.},\n  title = {${'{'.repeat(100_000)}x${'}'.repeat(100_000)}},\n  year = 2020\n}\n` +
    `@article{fine2021,\n  author = {Koob, George F.},\n  title = {A readable neighbour},\n  year = 2021\n}\n`,
  // One 3,000,000-character abstract (3 MB): more than a field may hold.
  'bibtex-3mb-abstract.bib': () =>
    `@article{long2020,\n  author = {Landgraf, Rainer},\n  title = {An abstract of three million characters},\n  abstract = {${'vasopressin '.repeat(250_000)}},\n  year = 2020\n}\n`,
  // One MEDLINE abstract continued over 100,000 lines (≈1.3 MB).
  'nbib-100k-continuation-lines.nbib': () =>
    `PMID- 12345678\nTI  - A long abstract\nAB  - Start\n${repeat(100_000, () => '      oxytocin\n')}FAU - Neumann, Inga D\n`,
  // A line of 100,000 "@a " (300 KB): looking back to the line start for every "@" took 50 s.
  'bibtex-100k-at-signs-on-one-line.bib': () => `@article{fine2021,\n  title = {A readable entry},\n  year = 2021\n}\n${'@a '.repeat(100_000)}\n`,
  // A million blank lines and one sentence (1 MB): the BibTeX sniffing pattern re-scanned every blank line from every line start.
  'blank-lines-1m.txt': () => `${'\n'.repeat(1_000_000)}Not a bibliography, just a sentence after many blank lines.\n`,
  // An EndNote XML title inside 100,000 nested <style> elements (≈1.5 MB).
  'endnote-100k-nested-styles.xml': () =>
    `<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal Article">17</ref-type><titles><title>${'<style>'.repeat(100_000)}x${'</style>'.repeat(100_000)}</title></titles></record></records></xml>\n`,
  // 2,000 RIS records, then one whose title is a 1 MB line and which never ends (no ER, no last line break): the
  // problem quoted the whole title as the record's name, a 1 MB line in the message.
  'ris-1mb-title-no-end.ris': () => `${repeat(2000, risRecord)}TY  - JOUR\nTI  - ${'oxytocin'.repeat(131_072)}\nAU  - Landgraf, Rainer\nPY  - 2021`,
  // 2,000 MEDLINE records, then one whose abstract is a 1 MB line and which never ends.
  'nbib-1mb-abstract-no-end.nbib': () =>
    `${repeat(2000, medlineRecord)}PMID- 32000000\nTI  - A record that never ends.\nAB  - ${'oxytocin'.repeat(131_072)}\nFAU - Landgraf, Rainer`,
  // 2,000 RIS records, 1 MB of binary noise, 10 more records.
  'ris-binary-noise.ris': () => withNoise(repeat(2000, risRecord), 1 << 20, `\n${repeat(10, i => risRecord(5000 + i))}`),
  // 2,000 MEDLINE records, 1 MB of binary noise, 10 more records.
  'nbib-binary-noise.nbib': () => withNoise(repeat(2000, medlineRecord), 1 << 20, `\n\n${repeat(10, i => medlineRecord(5000 + i))}`),
  // A CSL-JSON title nested 100,000 arrays deep (≈200 KB).
  'csl-json-100k-nested-arrays.json': () =>
    `[{"type": "article-journal", "title": ${'['.repeat(100_000)}"x"${']'.repeat(100_000)}}, {"type": "article-journal", "title": "A readable neighbour"}]\n`
}

export const CACHE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'bad-input')

/** Writes every generated file into `folder` unless it is already there at the right size. */
export function writeGenerated(folder = CACHE) {
  mkdirSync(folder, { recursive: true })
  for (const [name, make] of Object.entries(GENERATED)) {
    const file = path.join(folder, name)
    const made = make()
    const bytes = typeof made === 'string' ? Buffer.from(made, 'utf8') : made
    if (existsSync(file) && statSync(file).size === bytes.length) continue
    writeFileSync(file, bytes)
  }
  return folder
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`Bad-input files written to ${writeGenerated(process.argv[2] ?? CACHE)}`)
}
