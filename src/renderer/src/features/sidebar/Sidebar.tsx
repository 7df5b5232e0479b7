// The sidebar: the built-in views of the library, then collections and
// saved searches.
import type { ReactNode } from 'react'
import type { ViewId } from '../../store/views'
import { SyncStatusLine } from '../sync'
import { LabLibraries } from '../labs'

const BUILT_IN_VIEWS: { view: ViewId; label: string }[] = [
  { view: { kind: 'all' }, label: 'All items' },
  { view: { kind: 'unfiled' }, label: 'Unfiled' },
  { view: { kind: 'recent' }, label: 'Recently added' },
  { view: { kind: 'duplicates' }, label: 'Duplicates' },
  { view: { kind: 'trash' }, label: 'Trash' },
  { view: { kind: 'dashboard' }, label: 'Dashboard' }
]

function sameView(a: ViewId, b: ViewId): boolean {
  return a.kind === b.kind && ('id' in a ? a.id : '') === ('id' in b ? b.id : '')
}

export function Sidebar({
  current,
  onChoose,
  counts,
  children
}: {
  current: ViewId
  onChoose: (view: ViewId) => void
  counts: Partial<Record<ViewId['kind'], number>>
  children?: ReactNode
}) {
  return (
    <nav className="sidebar" aria-label="Library">
      <ul className="views" aria-label="Views">
        {BUILT_IN_VIEWS.map(({ view, label }) => {
          const isCurrent = sameView(view, current)
          return (
            <li key={view.kind}>
              <button
                type="button"
                className={`view-button${isCurrent ? ' current' : ''}`}
                aria-current={isCurrent ? 'page' : undefined}
                onClick={() => onChoose(view)}
              >
                <span>{label}</span>
                {counts[view.kind] !== undefined && <span className="count">{counts[view.kind]}</span>}
              </button>
            </li>
          )
        })}
      </ul>
      {children}
      <LabLibraries />
      <SyncStatusLine />
    </nav>
  )
}
