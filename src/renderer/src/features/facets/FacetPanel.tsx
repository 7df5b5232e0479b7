// The "Facets" panel above the item list: what the papers in view are about
// (peptides, MeSH major topics, organisms, publication types, journals,
// years), with counts that follow the view and the search. Clicking a value
// adds its qualifier to the search text, so the search does the filtering.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useSettledValue } from '../../components/use-settled-value'
import type { LightItem } from '@shared/model'
import { countYears, type FacetCount, type Facets } from '@shared/facets'
import { peptideQualifier, qualifier, qualifiersIn, toggleQualifier, typeQualifier, withoutYear, yearQualifier, yearRangeOf } from '@shared/facet-query'
import { store, useLibraryVersion } from '../../root'
import { changedInView, visibleItems, type ViewState } from '../../store/views'
import { FacetList, type FacetEntry } from './FacetList'
import { YearHistogram } from './YearHistogram'
import { countFacets, followedAtMost, type CountedView } from './facet-counts'
import { inTurnsFromNextTask, untilStopped } from '../../store/turns'
import './facets.css'

const OPEN_KEY = 'neuroref.facets.open'

interface Props {
  /** the papers the list shows: view, search and tag filter applied */
  items: LightItem[]
  /** the search is still being answered (the list is empty meanwhile): no counts are shown */
  searching: boolean
  /** the view, search and tag filter those items come from */
  state: ViewState
  /** ids of the chosen collection's sub-collections, whose papers the collection shows too */
  descendants?: Set<string>
  onSearch: (search: string) => void
}

/**
 * What decides which papers are in view, but not their order: with no paper changed since, the same text means the
 * same papers. None for the views that move without a library change (recent papers with the clock, duplicates with
 * the pairs dismissed).
 */
function samePapers(state: ViewState): string | undefined {
  if (state.view.kind === 'recent' || state.view.kind === 'duplicates') return undefined
  return JSON.stringify([state.view, state.search, state.tags, state.fullText])
}

interface InView {
  items: LightItem[]
  papers?: string
  version: number
  state: ViewState
  descendants?: Set<string>
}

/**
 * The facet counts of the papers in view; the same papers in another order (a sort) are not counted again, papers that
 * change are followed. Counted a slice at a time, the last counts showing meanwhile; a count the view moved on from stops.
 */
function useFacetCounts(inView: InView, open: boolean): Facets | undefined {
  const last = useRef<CountedView | undefined>(undefined)
  const [counted, setCounted] = useState<Facets | undefined>(undefined)
  useEffect(() => {
    if (!open) return
    const kept = last.current
    // a count stopped halfway leaves the kept counts half changed: counted afresh next time
    last.current = undefined
    // the store's copies of the changed papers are the list's only while the list is of the store's version
    const current = inView.version === store.version
    const counting = countFacets(inView.items, inView.papers, inView.version, kept, {
      // (a change of more papers than it follows is counted afresh: the set of their ids is not made)
      ids: kept ? store.changedSince(kept.version, followedAtMost(inView.items.length)) : null,
      shown: current ? ids => changedInView(store, inView.state, { now: Date.now(), descendants: inView.descendants }, ids) : undefined
    })
    const stop = { stopped: false }
    void inTurnsFromNextTask(untilStopped(counting, stop)).then(done => {
      if (!done) return
      last.current = 'counter' in done ? done : undefined
      setCounted(done.facets)
    })
    return () => void (stop.stopped = true)
  }, [inView, open])
  return open ? counted : undefined
}

export function FacetPanel({ items, searching, state, descendants, onSearch }: Props) {
  const version = useLibraryVersion()
  const search = state.search
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) !== 'false')
  // Counting 100,000 papers takes ~100 ms: done once typing pauses, not on every keystroke.
  // counts of a list still being searched (empty meanwhile) are not kept: the answer moves the version with no paper changed
  const inView = useMemo(
    () => ({ items, papers: searching ? undefined : samePapers(state), version, state, descendants }),
    [items, searching, state, version, descendants]
  )
  const facets = useFacetCounts(useSettledValue(inView, 200), open)
  const selectedYears = yearRangeOf(search)
  // With a year chosen, the histogram still shows the other years, so a new range can be picked: counted once typing
  // pauses, like the facets (at each keystroke it read every paper of the view without the year).
  const settled = useSettledValue(state, 200)
  const otherYears = useMemo(() => {
    if (!open || !yearRangeOf(settled.search) || settled.view.kind === 'duplicates') return undefined
    const others = visibleItems(store, { ...settled, search: withoutYear(settled.search) }, { now: Date.now(), descendants })
    return others.searching ? undefined : countYears(others.items)
    // the store's version is not read here, but a changed library must be counted again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, settled, version, descendants])

  const toggleOpen = (): void => {
    localStorage.setItem(OPEN_KEY, String(!open))
    setOpen(!open)
  }
  const toggle = (token: string): void => onSearch(toggleQualifier(search, token))
  // made again only when the counts or the search change: the panel is drawn again at every showing of a large import,
  // and a MEDLINE import's MeSH terms and journals are hundreds of entries
  const lists = useMemo(() => {
    if (!facets) return undefined
    const active = qualifiersIn(search)
    const entries = (list: FacetCount[], tokenOf: (value: string) => string): FacetEntry[] =>
      list.map(({ value, count }) => {
        const token = tokenOf(value)
        return { label: value, count, token, active: active(token) }
      })
    return {
      peptides: entries(facets.peptides, peptideQualifier),
      mesh: entries(facets.mesh, v => qualifier('mesh', v)),
      organisms: facets.organisms.map(({ id, value, count }) => {
        const token = qualifier('organism', id)
        return { label: value, count, token, active: active(token) }
      }),
      publicationTypes: entries(facets.publicationTypes, typeQualifier),
      journals: entries(facets.journals, v => qualifier('journal', v))
    }
  }, [facets, search])

  return (
    <section className={`facet-panel${open ? '' : ' closed'}`} aria-label="Facets">
      <div className="facet-header">
        <h2>Facets</h2>
        <button type="button" className="link-button" aria-expanded={open} onClick={toggleOpen}>
          {open ? 'Hide facets' : 'Show facets'}
        </button>
      </div>
      {facets && lists && !searching && (
        <div className="facet-groups">
          <FacetList title="Peptides" entries={lists.peptides} onToggle={toggle} />
          <FacetList title="MeSH" entries={lists.mesh} onToggle={toggle} />
          <FacetList title="Organism" entries={lists.organisms} onToggle={toggle} />
          <FacetList title="Publication type" entries={lists.publicationTypes} onToggle={toggle} />
          <FacetList title="Journal" entries={lists.journals} onToggle={toggle} />
          <section className="facet" aria-label="Year">
            <h3>Year</h3>
            <YearHistogram years={otherYears ?? facets.years} selected={selectedYears} onChoose={(from, to) => toggle(yearQualifier(from, to))} />
          </section>
        </div>
      )}
    </section>
  )
}
