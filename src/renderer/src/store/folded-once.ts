// Sort keys that many papers share — a journal, a first author — as one
// string for all of them. The prepared sort orders keep every paper's key;
// folding made a string of its own for each paper (≈ 8 MB at 100,000 papers
// for the journal and author columns alone).
import { foldText } from '@shared/text'

/** distinct texts remembered before starting over (a library has far fewer journals and first authors) */
const MOST = 100_000

const folds = new Map<string, string>()

/** `foldText(text)`, the same string each time for the same text. */
export function foldedOnce(text: string): string {
  let folded = folds.get(text)
  if (folded === undefined) {
    if (folds.size >= MOST) folds.clear()
    folds.set(text, (folded = foldText(text)))
  }
  return folded
}
