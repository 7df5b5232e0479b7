// A dialog whose code loads the first time it opens (Cite, Bibliography…,
// Format manuscript…): with citeproc, the styles and the document writers it
// is a chunk of its own, so the window's first script is small and its start
// short. Until the chunk arrives the dialog says "Loading…"; a chunk that
// cannot load (the app was updated under an open tab) is said in a sentence.
import { lazy, Suspense, type ComponentType } from 'react'

interface DialogProps {
  onClose: () => void
}

/** The dialog `load` gives, shown as `label`; `preload()` fetches it ahead (the pointer on the button that opens it). */
export function onDemandDialog<P extends DialogProps>(label: string, load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload(): void } {
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  const loaded = (): Promise<{ default: ComponentType<P> }> =>
    (loading ??= load().then(
      component => ({ default: component }),
      (failure: unknown) => ({ default: ({ onClose }: P) => <Unloaded label={label} failure={failure} onClose={onClose} /> })
    ))
  const Dialog = lazy(loaded)
  const OnDemand = (props: P) => (
    <Suspense fallback={<Frame label={label} busy onClose={props.onClose} text="Loading…" />}>
      <Dialog {...props} />
    </Suspense>
  )
  return Object.assign(OnDemand, { preload: () => void loaded() })
}

/** Why a part of the window could not be loaded, in a sentence. */
export function unloadedText(label: string, failure: unknown): string {
  const reason = failure instanceof Error ? failure.message : String(failure)
  return `${label} could not be loaded (${reason}). Reload the window to try again.`
}

function Unloaded({ label, failure, onClose }: { label: string; failure: unknown; onClose: () => void }) {
  return <Frame label={label} onClose={onClose} text={unloadedText(label, failure)} alert />
}

function Frame({ label, text, busy, alert, onClose }: { label: string; text: string; busy?: boolean; alert?: boolean; onClose: () => void }) {
  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && onClose()}>
      <div role="dialog" aria-modal="true" aria-label={label} aria-busy={busy} className="dialog">
        <h2>{label}</h2>
        <p className={alert ? undefined : 'muted'} role={alert ? 'alert' : undefined}>
          {text}
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
