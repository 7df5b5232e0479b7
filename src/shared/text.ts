// Text helpers shared by search, duplicates and citation keys.

// Besides ASCII, what NFD leaves as it is and no accent hides in: unaccented Greek letters and the micro sign, common in
// abstracts (β-endorphin, μ-opioid), whose decomposition was most of the cost of folding them.
const DECOMPOSABLE = /[^\x00-\x7f\u00b5\u0391-\u03a1\u03a3-\u03a9\u03b1-\u03c9]/

/** Lower-case, accents removed (Miñarro → minarro), markup dropped. */
export function foldText(text: string): string {
  const plain = text.includes('<') ? text.replace(/<[^>]+>/g, ' ') : text
  // Most text is ASCII: skip the (costly) Unicode decomposition when it has nothing to decompose.
  if (!DECOMPOSABLE.test(plain)) return plain.toLowerCase()
  return plain
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** A title reduced to letters and digits, for "same paper?" comparisons. */
export function titleFingerprint(title: string | undefined): string {
  return title ? foldText(title).replace(/[^\p{L}\p{N}]+/gu, '') : ''
}
