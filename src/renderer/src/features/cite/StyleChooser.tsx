// "Citation style": search every journal's style as you type (title, short
// title, ISSN, field), favourites and recently used on top, the format of
// each marked, the chosen one previewed with an example paper, its language
// chosen, and "Add style…" for a .csl file of one's own.
import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import type { CitationFormat, StyleEntry } from '@shared/styles/catalogue'
import type { CitationStyles } from './use-citation-styles'
import { describeStyles, searchStyles } from './style-catalogue'
import { StylePreview } from './StylePreview'
import './cite.css'

interface Option {
  id: string
  title: string
  format?: CitationFormat
  /** whose rules a journal's style follows, or "your style" */
  note?: string
  section: string
}

const FORMAT_HINT: Record<CitationFormat, string> = {
  numeric: 'numbered citations: [1]',
  'author-date': 'author and year: (Ferrer-Pérez et al., 2021)',
  author: 'author only: (Ferrer-Pérez et al.)',
  note: 'citations in footnotes',
  label: 'labels: [Fer21]'
}

function FormatMark({ format }: { format?: CitationFormat }) {
  if (!format) return null
  return (
    <span className={`format-mark format-${format}`} title={FORMAT_HINT[format]}>
      {format}
    </span>
  )
}

function optionOf(entry: StyleEntry, section: string): Option {
  return { id: entry.id, title: entry.title, format: entry.format, note: entry.parentTitle && `uses ${entry.parentTitle}`, section }
}

/** What the list shows before anything is typed: favourites, recently used, the bundled styles, the researcher's own. */
async function shortlist(styles: CitationStyles): Promise<Option[]> {
  const own = styles.styles.filter(style => style.custom)
  const bundled = styles.styles.filter(style => !style.custom).map(style => style.id)
  const recent = styles.recent.filter(id => !styles.favourites.includes(id))
  const described = new Map((await describeStyles([...new Set([...styles.favourites, ...recent, ...bundled])])).map(entry => [entry.id, entry]))
  // a style Neuroref has already (bundled, added, in use) is listed under the name it has here
  const entry = (id: string): StyleEntry | undefined => {
    const style = styles.styles.find(other => other.id === id)
    const known = described.get(id)
    return known ? { ...known, title: style?.label ?? known.title } : style && { id: style.id, title: style.label, fields: [] }
  }
  const section = (ids: string[], name: string): Option[] => ids.flatMap(id => (entry(id) ? [optionOf(entry(id)!, name)] : []))
  const listed = new Set([...styles.favourites, ...recent])
  return [
    ...section(styles.favourites, 'Favourites'),
    ...section(recent, 'Recently used'),
    ...section(
      bundled.filter(id => !listed.has(id)),
      'Bundled styles'
    ),
    ...own.filter(style => !listed.has(style.id)).map(style => ({ id: style.id, title: style.label, note: 'your style', section: 'Your styles' }))
  ]
}

export function StyleChooser({ styles, onError, preview = true }: { styles: CitationStyles; onError: (text: string | null) => void; preview?: boolean }) {
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [options, setOptions] = useState<Option[]>([])
  const [total, setTotal] = useState<number | null>(null)
  /** what the list shown answers (the box may be a keystroke ahead) */
  const [shownFor, setShownFor] = useState('')
  const [active, setActive] = useState(0)
  const [chosenEntry, setChosenEntry] = useState<StyleEntry | null>(null)
  const asked = useRef(0)
  const listId = useId()
  const { style, favourites, recent } = styles
  const allStyles = styles.styles

  // each keystroke asks again; an answer to an older keystroke is dropped
  useEffect(() => {
    if (!open) return
    const call = ++asked.current
    const typed = query.trim()
    const answer = typed
      ? searchStyles(typed).then(found => {
          const own = allStyles.filter(other => other.custom && other.label.toLowerCase().includes(typed.toLowerCase()))
          const mine = own.map(other => ({ id: other.id, title: other.label, note: 'your style', section: 'Your styles' }))
          return { options: [...mine, ...found.styles.map(entry => optionOf(entry, 'Styles'))], total: found.total + own.length }
        })
      : shortlist({ ...styles, styles: allStyles, favourites, recent }).then(list => ({ options: list, total: null }))
    void answer
      .then(found => {
        if (call !== asked.current) return
        setOptions(found.options)
        setTotal(found.total)
        setShownFor(query)
        setActive(0)
      })
      .catch((error: unknown) => call === asked.current && onError(error instanceof Error ? error.message : String(error)))
    // styles is read fresh through allStyles, favourites and recent
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, query, allStyles, favourites, recent])

  useEffect(() => {
    if (!style || style.custom) return setChosenEntry(null)
    let live = true
    void describeStyles([style.id])
      .then(([entry]) => live && setChosenEntry(entry ?? null))
      .catch(() => live && setChosenEntry(null))
    return () => {
      live = false
    }
  }, [style])

  function pick(option: Option | undefined): void {
    if (!option) return
    styles.choose(option.id)
    setQuery('')
    setOpen(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) return setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive(index => Math.max(0, Math.min(options.length - 1, index + step)))
    } else if (event.key === 'Enter' && open) {
      event.preventDefault()
      pick(options[active])
    } else if (event.key === 'Escape' && open) {
      // closes the list, not the dialog around it
      event.stopPropagation()
      setOpen(false)
      setQuery('')
    }
  }

  async function add(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (file) onError(await styles.addFile(file))
  }

  const favourite = !!style && favourites.includes(style.id)
  const automatic = style?.namesLocale ? `the style's (${style.locale})` : 'automatic'
  return (
    <div className="style-chooser">
      <div className="style-chooser-row">
        <label className="style-search">
          Citation style
          <input
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
            value={query}
            placeholder={style ? `${style.label} — type a journal, ISSN or field` : 'Loading styles…'}
            disabled={styles.chosen === null}
            spellCheck={false}
            onChange={e => {
              setQuery(e.target.value)
              setOpen(true)
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
        </label>
        <label className="file-button">
          Add style…
          <input type="file" accept=".csl,application/vnd.citationstyles.style+xml" className="visually-hidden" onChange={e => void add(e)} />
        </label>
      </div>
      {open && (
        <ul role="listbox" id={listId} aria-label="Citation styles" className="style-list" data-query={shownFor}>
          {options.map((option, index) => (
            <StyleOption
              key={`${option.section}/${option.id}`}
              option={option}
              index={index}
              listId={listId}
              active={index === active}
              first={index === 0 || options[index - 1].section !== option.section}
              onPick={() => pick(option)}
            />
          ))}
          {options.length === 0 && (
            <li className="muted style-none">{query.trim() ? 'No style matches. Try a journal’s name, its ISSN or a field.' : 'Loading…'}</li>
          )}
          {total !== null && total > options.length && (
            <li className="muted style-none">
              The best {options.length} of {total} styles; type more to narrow the list.
            </li>
          )}
        </ul>
      )}
      {style && (
        <div className="style-chosen" role="group" aria-label="Chosen style">
          <span className="style-title">{style.label}</span>
          <FormatMark format={chosenEntry?.format} />
          {chosenEntry?.parentTitle && <span className="muted">uses the rules of {chosenEntry.parentTitle}</span>}
          {styles.busy && <span className="muted">loading…</span>}
          <button
            type="button"
            className="style-star"
            aria-pressed={favourite}
            title={favourite ? 'Take off the favourites' : 'Keep on top as a favourite'}
            onClick={() => styles.toggleFavourite(style.id)}
          >
            {favourite ? '★ Favourite' : '☆ Favourite'}
          </button>
          <label className="style-locale">
            Language
            <select value={styles.localeChoice} onChange={e => styles.chooseLocale(e.target.value)}>
              <option value="">Automatic: {automatic === 'automatic' ? styles.lang : automatic}</option>
              {styles.locales.map(locale => (
                <option key={locale.lang} value={locale.lang}>
                  {locale.name} ({locale.lang})
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {styles.problem && <p role="alert">{styles.problem}</p>}
      {preview && style && !styles.busy && <StylePreview styleId={style.id} lang={styles.lang} />}
    </div>
  )
}

function StyleOption({
  option,
  index,
  listId,
  active,
  first,
  onPick
}: {
  option: Option
  index: number
  listId: string
  active: boolean
  first: boolean
  onPick: () => void
}) {
  return (
    <>
      {first && (
        <li role="presentation" className="style-section">
          {option.section}
        </li>
      )}
      <li
        role="option"
        id={`${listId}-${index}`}
        aria-selected={active}
        className={active ? 'style-option active' : 'style-option'}
        // mousedown, not click: the search box keeps its focus until the choice is made
        onMouseDown={event => {
          event.preventDefault()
          onPick()
        }}
      >
        <span className="style-title">{option.title}</span>
        <FormatMark format={option.format} />
        {option.note && <span className="muted style-note">{option.note}</span>}
      </li>
    </>
  )
}
