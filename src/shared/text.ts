// Text helpers shared by search, duplicates and citation keys.

const NON_ASCII = /[^\x00-\x7f]/

/** Lower-case, accents removed (Miñarro → minarro), markup dropped. */
export function foldText(text: string): string {
  const plain = text.includes('<') ? text.replace(/<[^>]+>/g, ' ') : text
  // Most text is ASCII: skip the (costly) Unicode decomposition when it is.
  if (!NON_ASCII.test(plain)) return plain.toLowerCase()
  return plain
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** A title reduced to letters and digits, for "same paper?" comparisons. */
export function titleFingerprint(title: string | undefined): string {
  return title ? foldText(title).replace(/[^\p{L}\p{N}]+/gu, '') : ''
}
