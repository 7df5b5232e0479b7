// The sentence at the end of an import: added, already present, failed —
// each failure with its identifier and a reason in words.
import { plainText } from '@shared/display'
import type { Message } from '../../components/StatusMessage'
import { sentenceFor } from '../../messages'
import type { ImportSummary } from './import-identifiers'

export function importSummaryMessage(summary: ImportSummary): Message {
  const failures = summary.outcomes.flatMap(o => (o.status === 'failed' ? [`${o.label}: ${sentenceFor(o.error)}`] : []))
  if (summary.outcomes.length === 1 && !summary.cancelled) {
    const only = summary.outcomes[0]
    if (only.status === 'failed') return { kind: 'error', text: failures[0] }
    return { kind: 'info', text: `${only.status === 'added' ? 'Added' : 'Already in library'}: ${plainText(only.title)}` }
  }
  const parts = [
    `${summary.added} added`,
    summary.existing ? `${summary.existing} already in library` : '',
    summary.failed ? `${summary.failed} failed` : ''
  ].filter(Boolean)
  const text = `${summary.cancelled ? 'Cancelled: ' : ''}${parts.join(', ')}.`
  const kind = summary.failed && !summary.added && !summary.existing ? 'error' : 'info'
  return { kind, text, details: failures }
}
