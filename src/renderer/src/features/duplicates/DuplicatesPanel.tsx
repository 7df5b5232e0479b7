// The Duplicates view's review panel: each likely pair side by side, with
// why Neuroref thinks they are the same paper, "Merge…" and "Not duplicates".
import { useNotify } from '../../components/notify'
import { useState } from 'react'
import type { DuplicatePair } from '@shared/duplicates'
import type { Item, LightItem } from '@shared/model'
import { nameLabel, plainText, yearLabel } from '@shared/display'
import { olderFirst } from '@shared/merge-items'
import { RichText } from '../../components/RichText'
import { db, store } from '../../root'
import { markNotDuplicates } from '../../library/merge'
import { fullItems } from '../../library/queries'
import { MergeDialog } from './MergeDialog'
import './duplicates.css'

/** Enough pairs to work through at once; the list below still shows every paper in a pair. */
const SHOWN = 50

function authorsText(item: LightItem): string {
  const names = (item.csl.author ?? []).map(nameLabel)
  return names.length > 6 ? `${names.slice(0, 6).join('; ')} … (${names.length} authors)` : names.join('; ')
}

function PaperSide({ item, role }: { item: LightItem; role: string }) {
  const ids = [item.doi && `DOI ${item.doi}`, item.pmid && `PMID ${item.pmid}`, item.pmcid && item.pmcid].filter(Boolean).join(' · ')
  return (
    <article className="duplicate-side" aria-label={`${role}: ${plainText(item.csl.title) || 'untitled'}`}>
      <p className="muted duplicate-role">
        {role}, added {new Date(item.addedAt).toLocaleDateString()}
      </p>
      <h3>
        <RichText markup={item.csl.title ?? '(untitled)'} />
      </h3>
      <p>{authorsText(item) || <span className="muted">No authors</span>}</p>
      <p>{[yearLabel(item), item.csl['container-title'] ?? item.csl['container-title-short']].filter(Boolean).join(' · ')}</p>
      {ids && <p className="muted">{ids}</p>}
    </article>
  )
}

export function DuplicatesPanel({ pairs }: { pairs: DuplicatePair[] }) {
  const notify = useNotify()
  const [merging, setMerging] = useState<[Item, Item] | null>(null)
  const shown = pairs.slice(0, SHOWN).flatMap(pair => {
    const a = store.items.get(pair.a)
    const b = store.items.get(pair.b)
    return a && b ? [{ pair, sides: olderFirst(a, b) }] : []
  })

  /** The merge dialog compares and merges every field: it gets the stored rows, not the list's light copies. */
  async function openMerge(keep: LightItem, other: LightItem): Promise<void> {
    const [a, b] = await fullItems(db, [keep.id, other.id])
    if (a?.id === keep.id && b?.id === other.id) setMerging([a, b])
    else notify({ kind: 'error', text: 'One of these papers is no longer in the library.' })
  }

  async function dismiss(pair: DuplicatePair): Promise<void> {
    await markNotDuplicates(db, pair.a, pair.b)
    notify({ kind: 'info', text: 'Marked as not duplicates; the pair will not be shown again.' })
  }

  if (pairs.length === 0) return null
  return (
    <section className="duplicates-panel" aria-label="Duplicate pairs">
      <h2>
        {pairs.length} likely duplicate {pairs.length === 1 ? 'pair' : 'pairs'}
        {pairs.length > SHOWN && <span className="muted"> (the first {SHOWN} are shown; merge or dismiss them to see more)</span>}
      </h2>
      <ul>
        {shown.map(({ pair, sides: [keep, other] }) => (
          <li key={`${pair.a}|${pair.b}`} className="duplicate-pair" aria-label={`Pair: ${plainText(keep.csl.title) || 'untitled'}`}>
            <p className="duplicate-reason">Same {pair.reason}</p>
            <div className="duplicate-sides">
              <PaperSide item={keep} role="Older copy" />
              <PaperSide item={other} role="Newer copy" />
            </div>
            <div className="duplicate-actions">
              <button type="button" onClick={() => void openMerge(keep, other)}>
                Merge…
              </button>
              <button type="button" onClick={() => void dismiss(pair)}>
                Not duplicates
              </button>
            </div>
          </li>
        ))}
      </ul>
      {merging && <MergeDialog keep={merging[0]} other={merging[1]} onClose={() => setMerging(null)} />}
    </section>
  )
}
