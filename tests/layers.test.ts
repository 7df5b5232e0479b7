// The layer rules of docs/ARCHITECTURE.md, checked on every import in the
// tree (in the spirit of VS Code's layering lint). A broken rule is listed in
// words: the file, the import, the rule.
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { codeFiles, importsOf, isNodeBuiltin, isTest, isTestSupport, ROOT, type ImportEdge } from './import-graph.test-support'

const RENDERER = 'src/renderer/src/'
const FEATURES = `${RENDERER}features/`
const isProduction = (file: string): boolean => !isTest(file) && !isTestSupport(file)
const isElectron = (specifier: string): boolean => specifier === 'electron' || specifier.startsWith('electron/')
const featureOf = (file: string): string | undefined => (file.startsWith(FEATURES) ? file.slice(FEATURES.length).split('/')[0] : undefined)

interface ImportRule {
  rule: string
  /** the importing files the rule binds */
  binds: (file: string) => boolean
  /** true when this import breaks the rule */
  breaks: (edge: ImportEdge) => boolean
}

const RULES: ImportRule[] = [
  {
    rule: 'src/shared is pure TypeScript for both sides: it imports no node:, electron, main, preload or renderer',
    binds: file => file.startsWith('src/shared/') && isProduction(file),
    breaks: ({ specifier, to }) =>
      isNodeBuiltin(specifier) || isElectron(specifier) || ['src/main/', 'src/preload/', 'src/renderer/'].some(layer => to?.startsWith(layer))
  },
  {
    rule: 'services import no electron (they run in plain Node, in tests and in the web edition)',
    binds: file => file.startsWith('src/main/services/'),
    breaks: ({ specifier }) => isElectron(specifier)
  },
  {
    rule: 'unit tests never import electron (vitest would try to download its binary)',
    binds: file => file.startsWith('src/') && !isProduction(file),
    breaks: ({ specifier }) => isElectron(specifier)
  },
  {
    rule: 'the renderer store and library import no features',
    binds: file => file.startsWith(`${RENDERER}store/`) || file.startsWith(`${RENDERER}library/`),
    breaks: ({ to }) => !!to?.startsWith(FEATURES)
  },
  {
    rule: "features reach each other only through the other feature's index.ts",
    binds: file => featureOf(file) !== undefined,
    breaks: ({ from, to }) => {
      const target = to && featureOf(to)
      return !!target && target !== featureOf(from) && !/^[^/]+\/index\.tsx?$/.test(to.slice(FEATURES.length))
    }
  }
]

function brokenImports(): string[] {
  const files = codeFiles(['src', 'e2e', 'bench', 'scripts'])
  const broken: string[] = []
  for (const file of files) {
    const rules = RULES.filter(r => r.binds(file))
    if (!rules.length) continue
    for (const edge of importsOf(file)) {
      for (const { rule, breaks } of rules) if (breaks(edge)) broken.push(`${file} imports '${edge.specifier}'${edge.to ? ` (${edge.to})` : ''}: ${rule}`)
    }
  }
  return broken
}

// What electron-vite builds (electron.vite.config.ts): everything production uses is reached from these.
const PRODUCTION_ENTRIES = [
  'src/main/index.ts',
  'src/main/web/index.ts',
  'src/preload/index.ts',
  'src/renderer/src/main.tsx',
  // run by the build (electron.vite.config.ts): packs the CSL repository
  'src/main/services/styles/build-pack.ts'
]

/**
 * A file under src/ that the app never reaches but tests import is a test
 * helper: it belongs in a *.test-support.ts file or in e2e/support, not beside
 * production code. (A file nothing imports at all is knip's to report.)
 */
function misplacedTestHelpers(): string[] {
  const files = codeFiles(['src', 'e2e', 'bench', 'scripts'])
  const edges = new Map(files.map(file => [file, importsOf(file)]))
  const reached = new Set<string>()
  const visit = (file: string): void => {
    if (reached.has(file)) return
    reached.add(file)
    for (const { to } of edges.get(file) ?? []) if (to) visit(to)
  }
  PRODUCTION_ENTRIES.forEach(visit)
  const misplaced: string[] = []
  for (const file of files) {
    if (!file.startsWith('src/') || !isProduction(file) || reached.has(file)) continue
    const users = files.filter(user => edges.get(user)!.some(({ to }) => to === file))
    if (users.length)
      misplaced.push(`${file} is imported only by tests or test helpers (${users.join(', ')}): name it *.test-support.ts or move it to e2e/support`)
  }
  return misplaced
}

describe('layer rules', () => {
  const broken = brokenImports()

  it('the rules catch what they describe', () => {
    const breaks = (from: string, specifier: string, to?: string) => RULES.filter(r => r.binds(from) && r.breaks({ from, specifier, to })).length
    expect(breaks('src/shared/model.ts', 'node:fs')).toBe(1)
    expect(breaks('src/shared/model.ts', '../main/config', 'src/main/config.ts')).toBe(1)
    expect(breaks('src/shared/import/index.test.ts', 'node:fs')).toBe(0)
    expect(breaks('src/main/services/http.ts', 'electron')).toBe(1)
    expect(breaks('src/main/electron/ipc.ts', 'electron')).toBe(0)
    expect(breaks('src/renderer/src/store/views.ts', '../features/x/y', 'src/renderer/src/features/x/y.ts')).toBe(1)
    expect(breaks('src/renderer/src/features/a/A.tsx', '../b', 'src/renderer/src/features/b/index.ts')).toBe(0)
    expect(breaks('src/renderer/src/features/a/A.tsx', '../b/B', 'src/renderer/src/features/b/B.tsx')).toBe(1)
    expect(breaks('src/renderer/src/features/a/A.tsx', './a2', 'src/renderer/src/features/a/a2.ts')).toBe(0)
  })

  it('the production entries exist', () => {
    expect(PRODUCTION_ENTRIES.filter(file => !existsSync(join(ROOT, file)))).toEqual([])
  })

  // No exceptions: the last known renderer violations went with the library refactor.
  it('no import breaks a layer rule', () => {
    expect(broken).toEqual([])
  })

  it('test helpers live in *.test-support.ts files or e2e/support', () => {
    expect(misplacedTestHelpers()).toEqual([])
  })
})
