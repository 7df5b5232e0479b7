// The window's first script carries none of what only citing, reference lists,
// exports, manuscripts and tagging papers with peptides need: those load on demand (import(), a chunk of
// their own each), so the window's start is short (issue 13, bench/RESULTS.md).
// Read as the bundler reads it: the imports that load with a file (static ones
// that carry a value), followed from the renderer's entry.
import { describe, expect, it } from 'vitest'
import { loadedWithFile, type ImportEdge } from './import-graph.test-support'

const ENTRY = 'src/renderer/src/main.tsx'
const CODE = /\.(?:ts|tsx|mts|js|mjs)$/

const ON_DEMAND: { what: string; named: (edge: ImportEdge) => boolean }[] = [
  { what: 'citeproc (citations and reference lists)', named: ({ specifier }) => specifier === 'citeproc' },
  { what: 'citation-js (BibTeX, RIS and CSL readers and writers)', named: ({ specifier }) => specifier.startsWith('@citation-js/') },
  { what: 'xmldom (CSL styles, EndNote XML)', named: ({ specifier }) => specifier.startsWith('@xmldom/') },
  { what: 'the manuscript readers and writers (Word, LibreOffice, field codes)', named: ({ to }) => !!to?.startsWith('src/shared/manuscript/') },
  {
    what: 'the peptide tagger and its vocabulary (62 KB)',
    named: ({ to }) => to === 'resources/vocab/neuropeptides.json' || to === 'src/shared/peptides/match.ts'
  }
]

/** Each on-demand module the files loaded with `entry` import, with the chain of imports that loads it. */
function loadedOnDemandModules(entry: string): string[] {
  const cameFrom = new Map<string, string | undefined>([[entry, undefined]])
  const chain = (file: string): string[] => (file === entry ? [file] : [...chain(cameFrom.get(file)!), file])
  const found: string[] = []
  const queue = [entry]
  while (queue.length) {
    const file = queue.shift()!
    for (const edge of loadedWithFile(file)) {
      const heavy = ON_DEMAND.find(({ named }) => named(edge))
      if (heavy) found.push(`${heavy.what}: ${[...chain(file), edge.to ?? edge.specifier].join(' → ')}`)
      else if (edge.to && CODE.test(edge.to) && !cameFrom.has(edge.to)) {
        cameFrom.set(edge.to, file)
        queue.push(edge.to)
      }
    }
  }
  return found
}

describe("the window's first script", () => {
  it('finds what a dialog that loads on demand brings in', () => {
    expect(loadedOnDemandModules('src/renderer/src/features/cite/CiteDialog.tsx').some(line => line.startsWith('citeproc'))).toBe(true)
    expect(loadedOnDemandModules('src/renderer/src/features/manuscript/FormatManuscriptDialog.tsx').some(line => line.startsWith('the manuscript'))).toBe(true)
    expect(loadedOnDemandModules('src/shared/peptides/default-matcher.ts').some(line => line.startsWith('the peptide tagger'))).toBe(true)
  })

  it('loads no citeproc, citation-js, xmldom, manuscript code or peptide vocabulary: they load when first used', () => {
    expect(loadedOnDemandModules(ENTRY)).toEqual([])
  })
})
