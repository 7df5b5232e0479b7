// One facet: its values with their counts, most papers first. A value is a
// toggle button: pressed while its qualifier is in the search.
import { useState } from 'react'

export interface FacetEntry {
  label: string
  count: number
  /** the search qualifier this value stands for */
  token: string
  active: boolean
}

const SHOWN = 8

export function FacetList({ title, entries, onToggle }: { title: string; entries: FacetEntry[]; onToggle: (token: string) => void }) {
  const [all, setAll] = useState(false)
  const shown = all ? entries : entries.slice(0, SHOWN)
  return (
    <section className="facet" aria-label={title}>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="facet-none">None</p>
      ) : (
        <ul>
          {shown.map(entry => (
            <li key={entry.token}>
              <button
                type="button"
                className="facet-value"
                aria-pressed={entry.active}
                title={entry.active ? `Stop filtering by ${entry.token}` : `Filter by ${entry.token}`}
                onClick={() => onToggle(entry.token)}
              >
                <span className="facet-label">{entry.label}</span>
                <span className="count">{entry.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {entries.length > SHOWN && (
        <button type="button" className="link-button facet-more" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${entries.length}`}
        </button>
      )}
    </section>
  )
}
