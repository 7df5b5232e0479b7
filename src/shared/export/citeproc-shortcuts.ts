// Two places where citeproc-js does costly work whose answer is known
// beforehand; answered directly, the text is the same (about 15 % of a long
// APA list's time, measured in bench/RESULTS-bibliography.md).
//  - Case. citeproc lower- and upper-cases through
//    String#toLocaleLowerCase(languages), and V8 canonicalises the language
//    list through ICU on every call (the initials of every name: hundreds of
//    thousands of calls in a long list). V8 maps case by the first language of
//    the canonical list, and only Turkish, Azeri, Lithuanian and Greek differ
//    from the default mapping; so for any other first language the default
//    mapping is the same text. An invalid list throws, and citeproc then uses
//    the default mapping too.
//  - Markup. citeproc looks for markup (<i>, <span class="nocase">, straight
//    and typographic quotes, the locale's quote marks) in every string it
//    writes, building a regular expression each time. A string with none of
//    the characters such markup is made of is left as it is, so it is skipped.
import CSL, { type CaseMapping, type FlipFlopper, type TextBlob } from 'citeproc'

/** First languages whose case mapping differs from the default one (V8's list). */
const OWN_CASING = new Set(['tr', 'az', 'lt', 'el'])
const INSTALLED = Symbol.for('neuroref.citeproc-shortcuts')

let shortcutsOn = true
const plainByLanguages = new Map<string, boolean>()

/** Whether String#toLocaleLowerCase(languages) maps case exactly as String#toLowerCase does. */
function casesPlainly(languages: string[] | undefined): boolean {
  if (!languages?.length) return false
  const key = languages.join('\n')
  let plain = plainByLanguages.get(key)
  if (plain === undefined) {
    try {
      plain = !OWN_CASING.has(Intl.getCanonicalLocales(languages)[0].split('-')[0])
    } catch {
      plain = true
    }
    if (plainByLanguages.size > 1000) plainByLanguages.clear()
    plainByLanguages.set(key, plain)
  }
  return plain
}

function quickCase(shipped: CaseMapping, plainly: (text: string) => string): CaseMapping {
  return function (text) {
    return shortcutsOn && casesPlainly(this.tmp.lang_array) ? plainly(text) : shipped.call(this, text)
  }
}

/** Every character a markup tag or quote the flip-flopper knows starts or ends with, besides the locale's quote marks. */
const MARKUP = /[<"'’]/
const REGEX_SYNTAX = /[\\^$.|?*+()[\]{}]/
const QUOTE_TERMS = ['open-quote', 'close-quote', 'open-inner-quote', 'close-inner-quote']

/**
 * A flip-flopper that skips strings without markup. citeproc puts the
 * locale's quote marks into its regular expression as they are, so the skip
 * is used only where none of them has regular-expression syntax (then each
 * is matched literally).
 */
type Terms = { getTerm(term: string): string | undefined }

function skippingPlainText(flipflopper: FlipFlopper, state: Terms): FlipFlopper {
  const quotes = QUOTE_TERMS.map(term => state.getTerm(term)).filter((quote): quote is string => !!quote)
  if (quotes.some(quote => REGEX_SYNTAX.test(quote))) return flipflopper
  const shipped = flipflopper.processTags
  flipflopper.processTags = (blob: TextBlob) => {
    const text = typeof blob.blobs === 'string' ? ` ${blob.blobs}` : undefined
    if (shortcutsOn && text !== undefined && !MARKUP.test(text) && !quotes.some(quote => text.includes(quote))) return
    shipped.call(flipflopper, blob)
  }
  return flipflopper
}

function install(): void {
  const citeproc = CSL as typeof CSL & { [INSTALLED]?: true }
  if (citeproc[INSTALLED]) return
  citeproc[INSTALLED] = true
  CSL.toLocaleLowerCase = quickCase(CSL.toLocaleLowerCase, text => text.toLowerCase())
  CSL.toLocaleUpperCase = quickCase(CSL.toLocaleUpperCase, text => text.toUpperCase())
  const ShippedFlipFlopper = CSL.Util.FlipFlopper
  // citeproc builds one per engine (`new CSL.Util.FlipFlopper(state)`); a constructor that returns an object gives that object.
  CSL.Util.FlipFlopper = function (state: Terms) {
    return skippingPlainText(new ShippedFlipFlopper(state), state)
  } as unknown as typeof ShippedFlipFlopper
}

install()

/** For tests: `run` with citeproc as shipped (no shortcut taken), to compare its text with the shortcuts'. */
export function withCiteprocAsShipped<T>(run: () => T): T {
  shortcutsOn = false
  try {
    return run()
  } finally {
    shortcutsOn = true
  }
}
