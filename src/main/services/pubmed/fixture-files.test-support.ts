// Test helper: the recorded NCBI replies in e2e/fixtures/pubmed (see SOURCES.md there).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const PUBMED_FIXTURES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pubmed')

/** A fixture's text, bytes decoded as UTF-8 the way the HTTP client hands replies over. */
export function fixtureText(folder: string, name: string): string {
  return readFileSync(path.join(PUBMED_FIXTURES, folder, name), 'utf8')
}

export function fixtureNames(folder: string): string[] {
  return readdirSync(path.join(PUBMED_FIXTURES, folder)).sort()
}
