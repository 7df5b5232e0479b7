// Binary search, written once: the search index's sorted words, the list's
// patched order and the deferred papers' places each look up where a value
// goes in something already sorted.

/**
 * The first position in [0, count) at which `before(i)` is false, where `before` is true for a leading run of
 * positions and false after it (the place a value goes in an ascending order); `count` when it is true for every one.
 */
export function firstAtLeast(count: number, before: (i: number) => boolean): number {
  let low = 0
  let high = count
  while (low < high) {
    const middle = (low + high) >>> 1
    if (before(middle)) low = middle + 1
    else high = middle
  }
  return low
}
