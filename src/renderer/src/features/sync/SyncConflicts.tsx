// A paper's fields that two computers changed differently while apart: both
// values shown, each said to be this computer's or the other computer's, and
// "Resolve" keeps the one the researcher picks. A paper trashed on one
// computer and edited on the other is offered back to the Trash.
import { useState } from 'react'
import type { Item, SyncConflict } from '@shared/model'
import { db, syncEngine } from '../../root'
import { resolveSyncConflict } from '../../library/sync-conflicts'
import { useNotify } from '../../components/notify'
import { problemText } from '../../messages'

const FIELD_NAMES: Record<string, string> = {
  'csl.title': 'Title',
  'csl.container-title': 'Journal',
  'csl.volume': 'Volume',
  'csl.issue': 'Issue',
  'csl.page': 'Pages',
  'csl.abstract': 'Abstract',
  'csl.author': 'Authors',
  'csl.issued': 'Year',
  readStatus: 'Reading status',
  rating: 'Rating',
  citationKey: 'Citation key',
  trashedAt: 'Trash'
}

function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field.replace(/^csl\./, '')
}

function valueText(conflict: SyncConflict, side: 'kept' | 'other'): string {
  const value = conflict[side]
  if (conflict.field === 'trashedAt') return value ? `moved to the Trash (${new Date(Number(value)).toLocaleString()})` : 'kept and edited'
  if (value === null || value === undefined || value === '') return '(empty)'
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (conflict.field === 'csl.author' && Array.isArray(value))
    return value.map(n => [n?.family, n?.given].filter(Boolean).join(', ') || n?.literal || '').join('; ')
  return JSON.stringify(value)
}

/** Both sides of a conflict, this computer's first. */
function sides(conflict: SyncConflict): { side: 'kept' | 'other'; who: string }[] {
  const here = syncEngine.device
  if (here && conflict.otherOn === here)
    return [
      { side: 'other', who: 'This computer' },
      { side: 'kept', who: 'The other computer' }
    ]
  if (here && conflict.keptOn === here)
    return [
      { side: 'kept', who: 'This computer' },
      { side: 'other', who: 'The other computer' }
    ]
  return [
    { side: 'kept', who: 'One computer' },
    { side: 'other', who: 'Another computer' }
  ]
}

function ConflictRow({ item, conflict }: { item: Item; conflict: SyncConflict }) {
  const notify = useNotify()
  const [busy, setBusy] = useState(false)
  async function keep(side: 'kept' | 'other'): Promise<void> {
    setBusy(true)
    try {
      await resolveSyncConflict(db, item.id, conflict, side)
    } catch (error) {
      notify({ kind: 'error', text: problemText(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <li className="sync-conflict" aria-label={`Conflict: ${fieldName(conflict.field)}`}>
      <p>
        <b>{fieldName(conflict.field)}</b> was changed differently on two computers.
      </p>
      {sides(conflict).map(({ side, who }) => (
        <p key={side} className="sync-conflict-side">
          <span>
            {who}: “{valueText(conflict, side)}”
          </span>{' '}
          <button type="button" disabled={busy} aria-label={`Resolve: keep ${who.toLowerCase()}’s value`} onClick={() => void keep(side)}>
            Resolve: keep this
          </button>
        </p>
      ))}
    </li>
  )
}

export function SyncConflicts({ item }: { item: Item }) {
  if (!item.syncConflicts?.length) return null
  return (
    <section aria-label="Sync conflicts" className="sync-conflicts">
      <ul>
        {item.syncConflicts.map((conflict, i) => (
          <ConflictRow key={`${conflict.field}-${i}`} item={item} conflict={conflict} />
        ))}
      </ul>
    </section>
  )
}
