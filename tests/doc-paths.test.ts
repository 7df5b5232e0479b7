// The architecture is described inside the repository, and stays true: every
// file path that docs/*.md, README.md and src/**/README.md name must exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ALIASES, ROOT } from './import-graph.test-support'

/** The top folders and files a path written from the repository root starts with. */
const ROOT_ENTRIES = readdirSync(ROOT).filter(name => !name.startsWith('.') || name === '.ci')
const FILE_EXTENSION_RE = /\.(?:ts|tsx|mts|mjs|cjs|js|json|md|css|html)$/

/** The documents whose paths are checked, relative to the root. */
function documents(): string[] {
  const docs = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter(f => f.endsWith('.md'))
      .map(f => `docs/${f}`)
  ]
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${dir}/${entry.name}`)
      else if (entry.name === 'README.md') docs.push(`${dir}/${entry.name}`)
    }
  }
  walk('src')
  return docs
}

/**
 * What in a Markdown text reads as a path of this repository: link targets,
 * `code spans` shaped like a path (a slash, or a file extension, no spaces),
 * and in code blocks the words that start with a top folder ("src/main/…").
 */
export function namedPaths(markdown: string): string[] {
  const found = new Set<string>()
  const pathLike = (text: string): boolean =>
    /^[\w.@-]+(?:\/[\w.@-]+)*\/?$/.test(text) &&
    (text.includes('/') || (FILE_EXTENSION_RE.test(text) && ROOT_ENTRIES.includes(text))) &&
    !/^\d/.test(text) &&
    // CouchDB's own names (`_local/…`, `_session`) and the build's output folder are not files of the repository
    !text.startsWith('_') &&
    !/^out(\/|$)/.test(text) &&
    // a scoped npm package (`@electron/fuses`) is not a path; the aliases are
    (!text.startsWith('@') || Object.keys(ALIASES).some(alias => text.startsWith(alias)))
  const blocks = [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)]
  let prose = markdown
  for (const [whole, body] of blocks) {
    prose = prose.replace(whole, '')
    for (const word of body.split(/\s+/)) if (pathLike(word) && ROOT_ENTRIES.includes(word.split('/')[0])) found.add(word)
  }
  for (const [whole, code] of prose.matchAll(/`([^`\n]+)`/g)) {
    if (pathLike(code)) found.add(code)
    prose = prose.replace(whole, '')
  }
  for (const [, target] of prose.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) if (!/^[a-z]+:/i.test(target)) found.add(target)
  return [...found]
}

/** The document's folder and each folder above it: `store/` in src/renderer/src/features/README.md is the renderer's store. */
function foldersUp(doc: string): string[] {
  const folders: string[] = []
  for (let dir = dirname(doc); dir !== '.'; dir = dirname(dir)) folders.push(dir)
  return folders
}

/** Where a path named in `doc` points: from the root when it starts with a top folder or an alias, else from the document's folder or one above it. */
function located(doc: string, path: string): string | undefined {
  const alias = Object.keys(ALIASES).find(prefix => path.startsWith(prefix))
  const bases = alias
    ? [ALIASES[alias] + path.slice(alias.length)]
    : ROOT_ENTRIES.includes(path.split('/')[0])
      ? [path]
      : foldersUp(doc).map(dir => join(dir, path))
  return bases.flatMap(base => ['', '.ts', '.tsx'].map(suffix => base + suffix)).find(candidate => existsSync(join(ROOT, candidate)))
}

describe('paths named in the documentation', () => {
  it('recognises paths, and only paths', () => {
    const sample = [
      'See [the design](docs/ARCHITECTURE.md#layers) and <https://example.org/x>.',
      "`src/main/channels/` holds `lookup.ts`; run `npm run dev`; the channel `lookup.identifiers`; `window.neuroref`; `10.1000/x`; `api['x'](arg)`; `.test.ts`; CouchDB's `_local/neuroref-sync`; the build's `out/`.",
      '```',
      'src/shared/      the contract',
      'POST /api/<channel>',
      '```'
    ].join('\n')
    expect(namedPaths(sample).sort()).toEqual(['docs/ARCHITECTURE.md', 'src/main/channels/', 'src/shared/'])
  })

  const checked = documents().flatMap(doc => namedPaths(readFileSync(join(ROOT, doc), 'utf8')).map(path => ({ doc, path })))

  it('reads the architecture documents', () => {
    expect(documents()).toEqual(expect.arrayContaining(['README.md', 'docs/ARCHITECTURE.md', 'src/main/README.md', 'src/shared/README.md']))
    expect(checked.length).toBeGreaterThan(40)
  })

  it('every named path exists', () => {
    expect(checked.filter(({ doc, path }) => !located(doc, path)).map(({ doc, path }) => `${doc} names ${path}, which does not exist`)).toEqual([])
  })
})
