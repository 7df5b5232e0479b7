// The tag selector at the bottom of the sidebar: the tags of the papers in
// view with their counts. Clicking tags filters the view (several = papers
// with all of them); manual tags show their colour and can be managed.
import { useMemo, useState } from 'react'
import { useSettledValue } from '../../components/use-settled-value'
import type { LightItem } from '@shared/model'
import { parseTagKey, tagKey, type ItemTag } from '@shared/tags'
import { store } from '../../root'
import { TagLabel } from './TagLabel'
import { useTagColors } from './tag-data'
import { TagManager } from './TagManager'
import { useTagCounts } from './use-tag-counts'
import './tags.css'

const KIND_ORDER = ['manual', 'peptide', 'keyword', 'mesh']
const SHOWN = 60

interface TagCount {
  key: string
  tag: ItemTag
  count: number
}

export interface TagSelectorProps {
  /** the papers in the current view */
  items: LightItem[]
  /** the tag filter, as `kind:name` keys */
  selected: string[]
  onChange: (keys: string[]) => void
}

export function TagSelector({ items, selected, onChange }: TagSelectorProps) {
  const colors = useTagColors()
  const [filter, setFilter] = useState('')
  const [showAll, setShowAll] = useState(false)
  const [managing, setManaging] = useState<string | null>(null)

  // Counting the tags of 100,000 papers is done once typing pauses, not on every keystroke.
  const counts = useTagCounts(useSettledValue(items, 200))
  const tags = useMemo(() => {
    const all: TagCount[] = [...counts].map(([key, count]) => ({ key, tag: parseTagKey(key), count }))
    // a chosen tag stays listed even when no paper in view has it any more
    for (const key of selected) if (!all.some(t => t.key === key)) all.push({ key, tag: parseTagKey(key), count: 0 })
    const rank = (t: TagCount): number => (selected.includes(t.key) ? -1 : KIND_ORDER.indexOf(t.tag.kind))
    return all.sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.tag.name.localeCompare(b.tag.name))
  }, [counts, selected])

  const needle = filter.trim().toLowerCase()
  const matching = needle ? tags.filter(t => t.tag.name.toLowerCase().includes(needle)) : tags
  const shown = showAll ? matching : matching.slice(0, SHOWN)
  const toggle = (key: string): void => onChange(selected.includes(key) ? selected.filter(k => k !== key) : [...selected, key])

  const libraryCount = (name: string): number => {
    let n = 0
    for (const item of store.items.values()) if (item.tags.includes(name)) n += 1
    return n
  }
  const renameKey = (from: string, to: string): void => {
    const oldKey = tagKey({ kind: 'manual', name: from })
    const newKey = tagKey({ kind: 'manual', name: to })
    if (selected.includes(oldKey)) onChange([...new Set(selected.map(k => (k === oldKey ? newKey : k)))])
  }

  return (
    <section aria-label="Tags" className="tag-selector">
      <h2 className="sidebar-heading">Tags</h2>
      {tags.length > 8 && (
        <input className="tag-filter-input" aria-label="Filter tags" placeholder="Filter tags" value={filter} onChange={e => setFilter(e.target.value)} />
      )}
      {tags.length === 0 && <p className="muted small-text">No tags in this view.</p>}
      <ul className="tag-cloud">
        {shown.map(({ key, tag, count }) => {
          const color = tag.kind === 'manual' ? colors.get(tag.name) : undefined
          return (
            <li key={key} className={`tag-choice tag-${tag.kind}`}>
              <button type="button" className="tag-toggle" aria-pressed={selected.includes(key)} onClick={() => toggle(key)}>
                <TagLabel kind={tag.kind} name={tag.name} color={color} nameClass="tag-name" /> <span className="count">{count}</span>
              </button>
              {tag.kind === 'manual' && (
                <button type="button" className="link-button tag-manage" aria-label={`Manage tag “${tag.name}”`} onClick={() => setManaging(tag.name)}>
                  ⋯
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {matching.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer tags' : `Show all ${matching.length} tags`}
        </button>
      )}
      {selected.length > 0 && (
        <button type="button" className="small" onClick={() => onChange([])}>
          Clear tag filter
        </button>
      )}
      {managing !== null && (
        <TagManager
          name={managing}
          color={colors.get(managing)}
          count={libraryCount(managing)}
          onRenamed={renameKey}
          onDeleted={name => onChange(selected.filter(k => k !== tagKey({ kind: 'manual', name })))}
          onClose={() => setManaging(null)}
        />
      )}
    </section>
  )
}
