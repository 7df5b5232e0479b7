// The style chooser's state: the chosen style (remembered in settings, a
// repository style fetched before it is offered as chosen), the language to
// format in, favourites and recently used styles, and adding a .csl file.
import { problemText } from '../../messages'
import { useEffect, useRef, useState } from 'react'
import { db } from '../../root'
import { DEFAULT_STYLE, listStyles, type CitationStyle } from '@shared/export/styles'
import type { StyleLocale } from '@shared/styles/catalogue'
import { ensureStyle, styleLocales, systemLocale } from './style-catalogue'
import {
  addCustomStyle,
  loadCustomStyles,
  readChosenStyle,
  readShortlists,
  toggleFavouriteStyle,
  writeChosenStyle,
  writeCitationLocale
} from './style-settings'

export interface CitationStyles {
  /** the bundled styles, the researcher's own, and the chosen one */
  styles: CitationStyle[]
  /** null until the saved choice has been read (and its style fetched) */
  chosen: string | null
  style: CitationStyle | undefined
  /** the language to format in: the one chosen, else the style's, else the system's */
  lang: string
  /** the language chosen in the chooser; '' follows the style */
  localeChoice: string
  locales: StyleLocale[]
  favourites: string[]
  recent: string[]
  /** a style being fetched */
  busy: boolean
  choose: (id: string) => void
  chooseLocale: (lang: string) => void
  toggleFavourite: (id: string) => void
  /** adds a .csl file and chooses it; resolves to an error sentence when the file is refused */
  addFile: (file: File) => Promise<string | null>
  /** why the last choice could not be made, in a sentence */
  problem: string | null
}

function languageFor(style: CitationStyle, choice: string, locales: StyleLocale[]): string {
  if (choice) return choice
  if (style.namesLocale) return style.locale
  return (locales.length && systemLocale(locales)) || 'en-US'
}

export function useCitationStyles(): CitationStyles {
  const [styles, setStyles] = useState<CitationStyle[]>(() => listStyles())
  const [chosen, setChosen] = useState<string | null>(null)
  const [lang, setLang] = useState('en-US')
  const [localeChoice, setLocaleChoice] = useState('')
  const [locales, setLocales] = useState<StyleLocale[]>([])
  const [favourites, setFavourites] = useState<string[]>([])
  const [recent, setRecent] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const live = useRef(true)
  const latest = useRef(0)

  /** Makes `id` (in `choice`'s language) ready, then shows it as chosen; a later call wins over a slower earlier one. */
  async function apply(id: string, choice: string, known: StyleLocale[], remember: boolean): Promise<boolean> {
    const call = ++latest.current
    setBusy(true)
    try {
      const style = await ensureStyle(id)
      const language = languageFor(style, choice, known)
      await ensureStyle(style.id, language)
      if (!live.current || call !== latest.current) return true
      setStyles([...listStyles(), ...(listStyles().some(other => other.id === style.id) ? [] : [style])])
      setChosen(style.id)
      setLang(language)
      setProblem(null)
      if (remember) {
        await writeChosenStyle(db, style.id)
        setRecent((await readShortlists(db)).recent)
      }
      return true
    } catch (error) {
      if (live.current && call === latest.current) setProblem(`That style could not be used: ${problemText(error)}`)
      return false
    } finally {
      if (live.current && call === latest.current) setBusy(false)
    }
  }

  const known = useRef<StyleLocale[]>([])
  useEffect(() => {
    live.current = true
    void (async () => {
      // the host reads its catalogue for the languages while the library's settings are read
      const [, lists, shipped] = await Promise.all([loadCustomStyles(db), readShortlists(db), styleLocales().catch(() => [])])
      known.current = shipped
      if (!live.current) return
      setLocales(known.current)
      setFavourites(lists.favourites)
      setRecent(lists.recent)
      setLocaleChoice(lists.locale)
      const id = await readChosenStyle(db)
      if (!(await apply(id, lists.locale, known.current, false))) await apply(DEFAULT_STYLE, lists.locale, known.current, false)
    })()
    return () => {
      live.current = false
    }
    // once, when the chooser appears
  }, [])

  function choose(id: string): void {
    void apply(id, localeChoice, known.current, true)
  }

  function chooseLocale(next: string): void {
    setLocaleChoice(next)
    void writeCitationLocale(db, next)
    if (chosen) void apply(chosen, next, known.current, false)
  }

  function toggleFavourite(id: string): void {
    setFavourites(list => (list.includes(id) ? list.filter(other => other !== id) : [...list, id]))
    void toggleFavouriteStyle(db, id)
  }

  async function addFile(file: File): Promise<string | null> {
    try {
      const style = await addCustomStyle(db, await file.text())
      setStyles(listStyles())
      choose(style.id)
      return null
    } catch (error) {
      const reason = problemText(error)
      return `${file.name} was not added. ${reason}`
    }
  }

  const style = chosen ? styles.find(other => other.id === chosen) : undefined
  return { styles, chosen, style, lang, localeChoice, locales, favourites, recent, busy, choose, chooseLocale, toggleFavourite, addFile, problem }
}
