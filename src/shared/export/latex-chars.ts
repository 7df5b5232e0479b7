// Plain text → characters BibTeX and LaTeX read back as the same text.
// The accent tables come from citation-js's BibTeX plugin (its parser uses
// them to read LaTeX), inverted here so export and import agree.
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'

const { constants } = plugins.config.get('@bibtex')

/** Characters LaTeX treats as commands. Braces use text commands because
 * BibTeX counts every `{`/`}` — even `\{` — when it balances a field. */
const SPECIALS: Record<string, string> = {
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\\': '\\textbackslash{}',
  // OT1 fonts print these as ¡ and ¿
  '<': '\\textless{}',
  '>': '\\textgreater{}'
}

function invert(table: Record<string, string | null>): Map<string, string> {
  const inverted = new Map<string, string>()
  for (const [command, char] of Object.entries(table)) {
    // only non-ASCII single characters: ASCII is handled by SPECIALS
    if (char && [...char].length === 1 && char.charCodeAt(0) > 0x7f) inverted.set(char, command)
  }
  return inverted
}

const ACCENT_OF_MARK = new Map(Object.entries(constants.diacritics).map(([command, mark]) => [mark, command]))
const TEXT_COMMAND = invert(constants.commands)
const LIGATURE = invert(constants.ligatures)
const GREEK = invert(constants.mathCommands)

/** `{\'e}`, `{\c c}`, `{\'{\"u}}`: one accent per brace group, innermost first. */
function accented(base: string, marks: string[]): string | undefined {
  let latex = base
  for (const mark of marks) {
    const command = ACCENT_OF_MARK.get(mark)
    if (!command) return undefined
    latex = /^[a-z]+$/i.test(command) ? `{\\${command} ${latex}}` : `{\\${command}${latex}}`
  }
  return latex
}

/** One non-ASCII character (with its combining marks) as LaTeX, or undefined to keep it as UTF-8. */
function latexForCharacter(cluster: string): string | undefined {
  const composed = cluster.normalize('NFC')
  const ligature = LIGATURE.get(composed)
  if (ligature) return ligature
  const command = TEXT_COMMAND.get(composed)
  if (command) return `{\\${command}}`
  const greek = GREEK.get(composed)
  // Upper-case Greek is braced so BibTeX's case change cannot turn \Delta into \delta.
  if (greek) return /^[A-Z]/.test(greek) ? `{$\\${greek}$}` : `$\\${greek}$`
  const [base, ...marks] = [...cluster]
  if (/^[A-Za-z]$/.test(base) && marks.length > 0) return accented(base, marks)
  return undefined
}

/**
 * Escapes LaTeX specials in plain text. Non-ASCII stays UTF-8 unless
 * `latexAccents` asks for ASCII commands (é → {\'e}, ß → {\ss}, α → $\alpha$).
 */
export function latexChars(text: string, latexAccents: boolean): string {
  const special = (char: string): string => SPECIALS[char] ?? char
  if (!latexAccents) return text.normalize('NFC').replace(/[&%$#_{}~^\\<>]/g, special)
  return text.normalize('NFD').replace(/\P{M}\p{M}*/gu, cluster => {
    if (cluster.length === 1 && cluster.charCodeAt(0) <= 0x7f) return special(cluster)
    return latexForCharacter(cluster) ?? cluster.normalize('NFC')
  })
}
