// Typing narrows a search: a keystroke that finishes the last word or adds one
// finds only papers the keystroke before found. The index then confirms the
// phrase only on those, instead of on every paper holding its words.
import type { Clause, TextClause } from './query'

/** True when every paper `next` finds was found by `previous` (clauses compared in order); false when unsure. */
export function narrows(next: readonly Clause[], previous: readonly Clause[]): boolean {
  // Past 254 included clauses the index ignores the rest (marks' one-byte count): not worth reasoning about.
  if (next.length < previous.length || next.length > 254) return false
  return previous.every((old, i) => clauseNarrows(next[i], old))
}

function clauseNarrows(clause: Clause, old: Clause): boolean {
  if (clause.exclude !== old.exclude) return false
  if (clause.kind === 'year' || old.kind === 'year') {
    if (clause.kind !== 'year' || old.kind !== 'year') return false
    // A narrower exclusion would bring papers back: only the same one narrows.
    return old.exclude ? clause.from === old.from && clause.to === old.to : clause.from >= old.from && clause.to <= old.to
  }
  if (clause.field !== old.field) return false
  // Exclusions and whole words must stay as they were; only an open last word (a beginning) may grow.
  if (old.exclude || !old.prefix) return !clause.prefix && sameWords(clause.words, old.words) && clause.value === old.value
  return finishes(clause, old)
}

function sameWords(words: readonly string[], others: readonly string[]): boolean {
  return words.length === others.length && words.every((w, i) => w === others[i])
}

/** `clause` holds `old`'s words with the last one finished (or longer), maybe followed by more words; its identifier value goes on from `old`'s. */
function finishes(clause: TextClause, old: TextClause): boolean {
  if (!clause.value.startsWith(old.value)) return false
  const last = old.words.length - 1
  if (clause.words.length < old.words.length) return false
  for (let i = 0; i < last; i++) if (clause.words[i] !== old.words[i]) return false
  return last < 0 || clause.words[last].startsWith(old.words[last])
}
