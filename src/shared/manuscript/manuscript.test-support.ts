// Test support: a library of real papers (the seed paper and the recorded
// PubMed efetch records in e2e/fixtures/pubmed, see SOURCES.md there), and
// the small .docx packages of docx-package.test-support.ts.
import { citationKeys } from '../export/bibtex'
import type { ExportItem } from '../export/bibtex-fields'
import { seedPaper } from '../export/seed-paper.test-support'
import { fixtureItems } from '../../main/services/pubmed/fixture-items.test-support'

export * from './docx-package.test-support'

export function testLibrary(): ExportItem[] {
  const items: ExportItem[] = [seedPaper, ...fixtureItems()]
  const keys = citationKeys(items)
  return items.map((item, i) => ({ ...item, citationKey: keys[i] }))
}
