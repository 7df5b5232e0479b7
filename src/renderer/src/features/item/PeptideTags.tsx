// Under the tags of a paper: each peptide tag with the evidence Neuroref read
// it from ("MeSH: Oxytocin", "abstract: oxytocin"), and a way to remove a tag
// the researcher disagrees with. A removed tag stays removed when the paper is
// imported again; it is listed below and can be given back.
import { useNotify } from '../../components/notify'
import type { Item, PeptideTag } from '@shared/model'
import { describeEvidence } from '@shared/peptides/evidence'
import { db } from '../../root'
import { removePeptideTag, restorePeptideTag } from '../../library/peptide-tags'
import { rememberForUndo, withUndo } from './undo'
import './peptide-tags.css'

function label(tag: PeptideTag): string {
  return tag.receptor ? `${tag.peptide} (${tag.receptor})` : tag.peptide
}

export function PeptideTags({ item }: { item: Item }) {
  const notify = useNotify()
  const removed = new Set(item.removedPeptideTags ?? [])
  const shown = (item.peptideTags ?? []).filter(t => !removed.has(t.peptide))
  const hidden = [...removed]
  if (shown.length === 0 && hidden.length === 0) return null

  async function remove(peptide: string): Promise<void> {
    const before = await removePeptideTag(db, item.id, peptide)
    if (!before) return
    rememberForUndo(`removing the peptide tag “${peptide}”`, [before])
    notify(withUndo(`Removed the peptide tag “${peptide}” from this paper. It stays removed if the paper is added again.`, notify))
  }

  return (
    <section aria-label="Peptides and evidence" className="peptide-tags">
      <h4>Peptides, and why</h4>
      <ul>
        {shown.map(tag => (
          <li key={tag.peptide} aria-label={`Peptide ${tag.peptide}`}>
            <span className="peptide-name">{label(tag)}</span>
            {tag.family && <span className="muted"> · {tag.family}</span>}
            <ul className="peptide-evidence" aria-label={`Evidence for ${tag.peptide}`}>
              {tag.evidence.map(e => (
                <li key={`${e.source}:${e.text}`}>{describeEvidence(e)}</li>
              ))}
            </ul>
            <button type="button" className="link-button" aria-label={`Remove peptide tag “${tag.peptide}”`} onClick={() => void remove(tag.peptide)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {hidden.length > 0 && (
        <p className="muted peptide-removed">
          Removed by you:{' '}
          {hidden.map(peptide => (
            <span key={peptide}>
              {peptide}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Restore peptide tag “${peptide}”`}
                onClick={() => void restorePeptideTag(db, item.id, peptide)}
              >
                restore
              </button>{' '}
            </span>
          ))}
        </p>
      )}
    </section>
  )
}
