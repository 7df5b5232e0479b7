// A dialog whose code loads the first time it opens (Cite, Bibliography…,
// Format manuscript…): with citeproc, the styles and the document writers it
// is a chunk of its own, so the window's first script is small and its start
// short. Until the chunk arrives the dialog says "Loading…" (a dialog that
// takes typing at once gives a frame of its own that keeps what is typed); a
// chunk that cannot load (the app was updated under an open tab) is said in a sentence.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'

interface DialogProps {
  onClose: () => void
}

export const LOADING_TEXT = 'Loading…'

/**
 * The dialog `load` gives, shown as `label`; `preload()` fetches it ahead (the pointer on the button that opens it).
 * `Loading` is shown, with the same props, until the code has arrived.
 */
export function onDemandDialog<P extends DialogProps>(
  label: string,
  load: () => Promise<ComponentType<P>>,
  Loading: ComponentType<P> = ({ onClose }: P) => <DialogFrame label={label} busy onClose={onClose} text={LOADING_TEXT} />
): ComponentType<P> & { preload(): void } {
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  const loaded = (): Promise<{ default: ComponentType<P> }> =>
    (loading ??= load().then(
      component => ({ default: component }),
      (failure: unknown) => ({ default: ({ onClose }: P) => <Unloaded label={label} failure={failure} onClose={onClose} /> })
    ))
  const Dialog = lazy(loaded)
  const OnDemand = (props: P) => (
    <Suspense fallback={<Loading {...props} />}>
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
  return <DialogFrame label={label} onClose={onClose} text={unloadedText(label, failure)} alert />
}

interface FrameProps {
  label: string
  text: string
  busy?: boolean
  alert?: boolean
  onClose: () => void
  /** Shown above the text (a search field): it takes the focus, so what is typed goes there, not to Close. */
  children?: ReactNode
}

/** The dialog shown in place of one whose code is loading or could not be loaded. */
export function DialogFrame({ label, text, busy, alert, onClose, children }: FrameProps) {
  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && onClose()}>
      <div role="dialog" aria-modal="true" aria-label={label} aria-busy={busy} className="dialog">
        <h2>{label}</h2>
        {children}
        <p className={alert ? undefined : 'muted'} role={alert ? 'alert' : undefined}>
          {text}
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose} autoFocus={!children}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
