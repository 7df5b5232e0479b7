// What just happened, in words: errors are alerts, everything else a polite status.
export interface Message {
  kind: 'info' | 'error'
  text: string
  details?: string[]
  /** a button beside the text, e.g. Undo */
  action?: { label: string; run: () => void }
}

export function StatusMessage({ message, onDismiss }: { message: Message | null; onDismiss: () => void }) {
  if (!message) return <div role="status" className="status-line" />
  return (
    <div role={message.kind === 'error' ? 'alert' : 'status'} className={`status-line ${message.kind}`}>
      <span>{message.text}</span>
      {message.action && (
        <button type="button" className="small" onClick={message.action.run}>
          {message.action.label}
        </button>
      )}
      {message.details && message.details.length > 0 && (
        <ul className="status-details">
          {message.details.map(line => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  )
}
