// Read status, star rating and dates of one paper. Ctrl/Cmd+Z undoes a change.
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import type { Item, ReadStatus } from '@shared/model'
import { db } from '../../root'
import { setRating, setReadStatus } from '../../library/reading'
import { rememberForUndo } from './undo'

const STATUS_LABEL: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' }

const dateLabel = (ms: number): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function ReadingStatus({ item }: { item: Item }) {
  const notify = useNotify()
  const rating = item.rating ?? 0

  async function change(label: string, write: () => Promise<void>): Promise<void> {
    try {
      await write()
      rememberForUndo(label, [item])
    } catch (error) {
      notify({ kind: 'error', text: problemText(error) })
    }
  }

  return (
    <section aria-label="Reading" className="record-section reading-status">
      <div className="reading-row">
        <label>
          Read status{' '}
          <select
            value={item.readStatus ?? 'unread'}
            onChange={e => void change('changing the read status', () => setReadStatus(db, [item.id], e.target.value as ReadStatus))}
          >
            {(Object.keys(STATUS_LABEL) as ReadStatus[]).map(status => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label="Rating" className="stars">
          {[1, 2, 3, 4, 5].map(n => (
            <button
              key={n}
              type="button"
              className={`star${n <= rating ? ' on' : ''}`}
              aria-label={`${n} ${n === 1 ? 'star' : 'stars'}`}
              aria-pressed={n === rating}
              title={n === rating ? 'Click again to clear the rating' : undefined}
              onClick={() => void change('changing the rating', () => setRating(db, [item.id], n === rating ? 0 : n))}
            >
              {n <= rating ? '★' : '☆'}
            </button>
          ))}
        </div>
      </div>
      <dl className="identifiers dates">
        <dt>Added</dt>
        <dd>{dateLabel(item.addedAt)}</dd>
        <dt>Modified</dt>
        <dd>{dateLabel(item.modifiedAt)}</dd>
        {item.addedBy && (
          <>
            <dt>Added by</dt>
            <dd>{item.addedBy}</dd>
          </>
        )}
        {item.editedBy && (
          <>
            <dt>Last edited by</dt>
            <dd>{item.editedBy}</dd>
          </>
        )}
      </dl>
    </section>
  )
}
