// Every import in the repository's own code, read with the TypeScript
// compiler's pre-processor (static imports, re-exports, `import type`,
// import(), require()) and resolved to a file where it is one of ours.
// The layer rules and the docs check read the tree through this.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..')

/** Path aliases, as tsconfig.base.json, electron.vite.config.ts and vitest.config.mts declare them. */
export const ALIASES: Record<string, string> = { '@shared/': 'src/shared/', '@renderer/': 'src/renderer/src/' }

const CODE_RE = /\.(?:ts|tsx|mts|cts|mjs|cjs|js)$/
const NOT_OURS = new Set(['node_modules', 'out', 'dist', 'fixtures', 'test-results', 'playwright-report', 'results'])
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx']
const NODE_BUILTINS = new Set(builtinModules)

export interface ImportEdge {
  /** the importing file, relative to the root, with '/' */
  from: string
  /** the specifier as written */
  specifier: string
  /** the file it names, relative to the root; undefined for packages and Node built-ins */
  to?: string
}

/** Our code files under `folders` (relative to the root), with '/' separators, sorted. */
export function codeFiles(folders: string[]): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (!NOT_OURS.has(entry.name)) walk(path)
      } else if (CODE_RE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path)
    }
  }
  for (const folder of folders) if (existsSync(join(ROOT, folder))) walk(folder)
  return found.sort()
}

/** A worker's module, named the way vite bundles it: `new URL('./x.worker.ts', import.meta.url)`. */
const WORKER_URL = /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g

/** Every import of `file` (relative to the root), a worker's module it starts included. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const { importedFiles } = ts.preProcessFile(text, true, true)
  const names = [...importedFiles.map(({ fileName }) => fileName), ...[...text.matchAll(WORKER_URL)].map(match => match[1])]
  return names.map(fileName => ({ from: file, specifier: fileName, to: resolveSpecifier(file, fileName) }))
}

/** `node:fs`, `fs`, `electron/main` … are not files of ours. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])
}

/** The file of ours that `specifier`, written in `from`, names; undefined for packages. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const bare = specifier.replace(/\?.*$/, '') // vite's `?url`, `?raw`
  const alias = Object.keys(ALIASES).find(prefix => bare.startsWith(prefix))
  let base: string
  if (alias) base = ALIASES[alias] + bare.slice(alias.length)
  else if (bare.startsWith('.'))
    base = relative(ROOT, resolve(ROOT, dirname(from), bare))
      .split('\\')
      .join('/')
  else return undefined
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix
    const full = join(ROOT, candidate)
    if (existsSync(full) && statSync(full).isFile()) return candidate
  }
  return `${base} (missing)`
}

export const isTest = (file: string): boolean => /\.(?:test|spec)\.tsx?$/.test(file)
export const isTestSupport = (file: string): boolean => /\.test-support\.tsx?$/.test(file)

/**
 * The imports of `file` that load with it: static imports and re-exports that
 * carry a value. Left out: `import type`, imports of types only (the compiler
 * drops them), and import() (the bundler makes a separate chunk of it).
 */
export function loadedWithFile(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false)
  const edges: ImportEdge[] = []
  const add = (specifier: ts.Expression | undefined): void => {
    if (specifier && ts.isStringLiteral(specifier)) edges.push({ from: file, specifier: specifier.text, to: resolveSpecifier(file, specifier.text) })
  }
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      if (clause?.isTypeOnly) continue
      const bindings = clause?.namedBindings
      const onlyTypes =
        !!clause && !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every(e => e.isTypeOnly)
      if (!onlyTypes) add(statement.moduleSpecifier)
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause
      const onlyTypes = !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every(e => e.isTypeOnly)
      if (!onlyTypes) add(statement.moduleSpecifier)
    }
  }
  return edges
}
