// Places where citeproc-js does costly work whose answer is known beforehand;
// answered directly, the text is the same (about a third of a long APA list's
// CPU, measured in bench/RESULTS-bibliography.md).
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
//  - Names. citeproc initialises given names ("Maria José" → "M. J.") and
//    splits particles off names ("van der Berg") again each time it writes or
//    compares a name, several times per paper. Both answers depend only on the
//    name and on a few settings, so they are remembered.
//  - Sorting. citeproc compares sort keys with a.localeCompare(b, locale,
//    options), which builds a collator for every comparison; one collator
//    with the same locale and options compares the same (localeCompare is
//    defined as exactly that).
//  - Disambiguation. citeproc renders the same in-text citation again and
//    again while it disambiguates a large set of papers that cite alike
//    (citeproc-repeated-cites.ts), and, for a reference list on its own, once
//    more for a paper that cites like no other (citeproc-list-only.ts).
import CSL, { type CaseMapping, type FlipFlopper, type InitializeWith, type NameParts, type SortCompareMaker, type TextBlob } from 'citeproc'
import { skipLoneCitesInLists } from './citeproc-list-only'
import { rememberRepeatedCites } from './citeproc-repeated-cites'

/** First languages whose case mapping differs from the default one (V8's list). */
const OWN_CASING = new Set(['tr', 'az', 'lt', 'el'])
const INSTALLED = Symbol.for('neuroref.citeproc-shortcuts')

let shortcutsOn = true

/** Per language tag: its canonical form's language, or null for a tag ICU rejects (lookups by the same strings each time: no key is built). */
const canonicalLanguage = new Map<string, string | null>()

function languageOf(tag: unknown): string | null {
  if (typeof tag !== 'string') return null
  let language = canonicalLanguage.get(tag)
  if (language === undefined) {
    try {
      language = Intl.getCanonicalLocales(tag)[0].split('-')[0]
    } catch {
      language = null
    }
    if (canonicalLanguage.size > 1000) canonicalLanguage.clear()
    canonicalLanguage.set(tag, language)
  }
  return language
}

/**
 * Whether String#toLocaleLowerCase(languages) maps case exactly as
 * String#toLowerCase does: V8 canonicalises the whole list (one invalid tag
 * throws, and citeproc then maps plainly) and cases by its first language.
 */
function casesPlainly(languages: string[] | undefined): boolean {
  if (!languages?.length) return false
  for (const tag of languages) if (languageOf(tag) === null) return true
  return !OWN_CASING.has(languageOf(languages[0]) as string)
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

/** Answers remembered per name: a few thousand distinct names in a long list. */
const REMEMBERED = 50_000

/** Nested maps keyed by strings citeproc already holds (their hashes are kept), so a lookup builds no key. */
class Answers<V> {
  private readonly root = new Map<unknown, unknown>()
  private size = 0

  get(keys: unknown[], work: () => V): V {
    let map = this.root
    const last = keys.length - 1
    for (let i = 0; i < last; i++) {
      let next = map.get(keys[i]) as Map<unknown, unknown> | undefined
      if (!next) map.set(keys[i], (next = new Map()))
      map = next
    }
    if (map.has(keys[last])) return map.get(keys[last]) as V
    const answer = work()
    if (++this.size > REMEMBERED) {
      this.root.clear()
      this.size = 0
    }
    map.set(keys[last], answer)
    return answer
  }
}

const initials = new Answers<string>()
const particles = new Answers<[keyof NameParts, unknown][]>()

/**
 * citeproc's initials of a name depend on the name, the terminator ("%s" or
 * ". "), whether to only normalise, the style's initialize-with-hyphen and,
 * for lower-casing, the languages in use.
 */
function rememberInitials(shipped: InitializeWith): InitializeWith {
  return function (state, name, terminator, normalizeOnly) {
    const work = (): string => shipped.call(this, state, name, terminator, normalizeOnly)
    if (!shortcutsOn || typeof name !== 'string' || (terminator && typeof terminator !== 'string')) return work()
    const languages = state.tmp.lang_array
    const casing = casesPlainly(languages) ? '' : JSON.stringify(languages ?? null)
    const settings = (normalizeOnly ? 2 : 0) + (state.opt['initialize-with-hyphen'] === false ? 1 : 0)
    return initials.get([terminator || '', settings, casing, name], work)
  }
}

/** What citeproc's particle parser may write into a name. */
const PARSED: (keyof NameParts)[] = ['family', 'given', 'suffix', 'dropping-particle', 'comma-suffix', 'non-dropping-particle', 'comma-dropping-particle']

/**
 * citeproc's particle parser reads a name's family, given, suffix and
 * dropping particle, and writes some of the parts. For the usual name (a
 * family and a given name, nothing else read) what it writes is remembered.
 */
function rememberParticles(shipped: (name: NameParts) => void): (name: NameParts) => void {
  return name => {
    const { family, given } = name
    if (!shortcutsOn || typeof family !== 'string' || typeof given !== 'string' || name.suffix !== undefined || name['dropping-particle'] !== undefined)
      return shipped(name)
    const written = particles.get([family, given], () => {
      const parsed: NameParts = { family, given }
      shipped(parsed)
      const read: NameParts = { family, given }
      return PARSED.filter(part => parsed[part] !== read[part]).map(part => [part, parsed[part]])
    })
    for (const [part, value] of written) name[part] = value
  }
}

/** The options citeproc compares sort keys with (CSL.getSortCompare). */
const SORT_OPTIONS: Intl.CollatorOptions = { sensitivity: 'base', ignorePunctuation: true, numeric: true }

/**
 * citeproc's comparison of sort keys with one collator for the engine's sort
 * locale: both keys lower-cased in the languages in use, compared after
 * leading brackets and quotes where the collator does not ignore them, as
 * citeproc does.
 */
function oneCollator(shipped: SortCompareMaker): SortCompareMaker {
  return function (defaultLocale) {
    const compare = shipped.call(this, defaultLocale)
    if (CSL.stringCompare) return compare
    let collator: Intl.Collator
    try {
      collator = new Intl.Collator(defaultLocale || 'en-US', SORT_OPTIONS)
    } catch {
      return compare // a locale ICU rejects: citeproc's own comparison throws as it did
    }
    const lower = (text: string): string => CSL.toLocaleLowerCase.call(this, text)
    const strcmp = (a: string, b: string): number => collator.compare(lower(a), lower(b))
    const strip = (text: string): string => text.replace(/^[[\]'"]*/g, '')
    const bracketsFirst = strcmp('[x', 'x') !== 0
    return (a, b) => (!shortcutsOn ? compare(a, b) : bracketsFirst ? strcmp(strip(a), strip(b)) : strcmp(a, b))
  }
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
  CSL.Util.Names.initializeWith = rememberInitials(CSL.Util.Names.initializeWith)
  CSL.parseParticles = rememberParticles(CSL.parseParticles)
  CSL.getSortCompare = oneCollator(CSL.getSortCompare)
  rememberRepeatedCites(() => shortcutsOn)
  skipLoneCitesInLists(() => shortcutsOn)
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
