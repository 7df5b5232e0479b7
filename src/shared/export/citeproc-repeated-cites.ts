// citeproc's disambiguation writes the same in-text citation many times over
// in a large set of papers that cite alike ("Wang et al., 2020" forty times
// in a library of 100,000): it scans the set again after each paper it
// settles, with the same settings, rendering every paper left each time, so
// the work grows with the square of the set (at 100,000 synthetic papers,
// three quarters of the run). A scan's rendering of a paper depends only on
// the paper, the settings it is given (which the rendering also writes to),
// the paper's registered settings and the names register; so within one
// disambiguation of a set, a rendering met again with all of these the same
// is answered from the first one: the same text, and the settings left as
// the first rendering left them.
import CSL from 'citeproc'

/** What citeproc's disambiguation settings hold (CSL.AmbigConfig), written to by a rendering. */
interface Settings {
  names: number[]
  givens: (number[] | undefined)[]
  [other: string]: unknown
}

interface NameRegister {
  nameind: Record<string, Record<string, true> | undefined>
  addname(itemId: string, name: unknown, pos: number): void
  [WRAPPED]?: true
}

interface State {
  registry: { registry: Record<string, { disambig?: unknown } | undefined>; namereg: NameRegister }
  tmp: { disambig_override?: boolean; disambiguate_count: number; disambiguate_maxMax: number }
  [REMEMBERED]?: Map<string, Rendering>
  [NAMES_ADDED]?: number
}

interface Rendering {
  text: string
  /** the settings as the rendering left them */
  after: Settings
  count: number
  maxMax: number
}

type AmbiguousCite = (this: State, item: { id: unknown }, settings?: Settings | null, visualForm?: boolean, cite?: unknown) => string
type Run = (this: { state: State }, akey: string) => void

const REMEMBERED = Symbol('neuroref.citeproc-remembered-cites')
const NAMES_ADDED = Symbol('neuroref.citeproc-names-added')
const WRAPPED = Symbol('neuroref.citeproc-names-counted')

/** Counts the names register's changes: a rendering met again after a change is rendered anew. */
function countNamesAdded(state: State): void {
  const register = state.registry.namereg
  if (register[WRAPPED]) return
  register[WRAPPED] = true
  const shipped = register.addname
  register.addname = function (itemId, name, pos) {
    // addname records every name it registers under the paper in `nameind`; a name already there changes nothing.
    const before = Object.keys(register.nameind[itemId] ?? {}).length
    shipped.call(this, itemId, name, pos)
    if (Object.keys(register.nameind[itemId] ?? {}).length !== before) state[NAMES_ADDED] = (state[NAMES_ADDED] ?? 0) + 1
  }
}

/** A copy of the settings (their arrays and the givens' arrays copied). */
function copied(settings: Settings): Settings {
  const copy: Settings = { ...settings, names: settings.names.slice(), givens: settings.givens.map(givens => givens?.slice()) }
  for (const [key, value] of Object.entries(settings)) if (key !== 'givens' && Array.isArray(value)) copy[key] = value.slice()
  return copy
}

/** Puts the settings back as a rendering left them, into the same arrays (the rendering writes in place, and only adds). */
function restore(settings: Settings, after: Settings): void {
  for (const [key, value] of Object.entries(after)) {
    if (key === 'givens') continue
    if (Array.isArray(value) && Array.isArray(settings[key])) (settings[key] as unknown[]).splice(0, Infinity, ...value)
    else settings[key] = Array.isArray(value) ? value.slice() : value
  }
  settings.givens.length = after.givens.length
  after.givens.forEach((givens, i) => {
    if (!givens) return void (settings.givens[i] = givens)
    const into = settings.givens[i] ?? (settings.givens[i] = [])
    into.splice(0, Infinity, ...givens)
  })
}

/** Installs the remembering on citeproc; `isOn` false renders every time, as shipped. */
export function rememberRepeatedCites(isOn: () => boolean): void {
  const citeproc = CSL as unknown as { getAmbiguousCite: AmbiguousCite; Disambiguation: { prototype: { run: Run } } }
  const shippedRun = citeproc.Disambiguation.prototype.run
  citeproc.Disambiguation.prototype.run = function (akey) {
    const state = this.state
    if (!isOn()) return shippedRun.call(this, akey)
    countNamesAdded(state)
    state[REMEMBERED] = new Map()
    try {
      shippedRun.call(this, akey)
    } finally {
      state[REMEMBERED] = undefined
    }
  }

  const shippedCite = citeproc.getAmbiguousCite
  citeproc.getAmbiguousCite = function (item, settings, visualForm, cite) {
    const remembered = this[REMEMBERED]
    // Only the disambiguation's scans ask with visualForm true; a registry-wide override writes to other settings.
    if (!remembered || visualForm !== true || !settings || cite !== undefined || this.tmp.disambig_override)
      return shippedCite.call(this, item, settings, visualForm, cite)
    const key = [String(item.id), this[NAMES_ADDED] ?? 0, JSON.stringify(settings), JSON.stringify(this.registry.registry[String(item.id)]?.disambig)].join(
      '\n'
    )
    const known = remembered.get(key)
    if (known) {
      restore(settings, known.after)
      this.tmp.disambiguate_count = known.count
      this.tmp.disambiguate_maxMax = known.maxMax
      return known.text
    }
    const text = shippedCite.call(this, item, settings, visualForm, cite)
    remembered.set(key, { text, after: copied(settings), count: this.tmp.disambiguate_count, maxMax: this.tmp.disambiguate_maxMax })
    return text
  }
}
