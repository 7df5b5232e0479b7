// Spell-checking in the desktop app: off until the researcher turns it on,
// because on Linux (and some Windows) Chromium then downloads dictionaries
// from Google. The web edition leaves spelling to the browser's own settings.
import { useEffect, useState } from 'react'
import type { SpellcheckState } from '@shared/contract'
import { api } from '../../root'

export function SpellcheckSetting() {
  const [state, setState] = useState<SpellcheckState | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void api['app.spellcheck']({}).then(result => result.ok && setState(result.value))
  }, [])
  if (!state?.available) return null

  async function toggle(enabled: boolean): Promise<void> {
    const result = await api['app.spellcheck']({ enabled })
    if (result.ok) setState(result.value)
    setError(result.ok ? null : result.error.message)
  }

  return (
    <>
      <label>
        <input type="checkbox" checked={state.enabled} onChange={e => void toggle(e.target.checked)} />
        Check spelling
      </label>
      <p className="muted">On Linux and some Windows systems this downloads spelling dictionaries from Google the first time.</p>
      {error && <p role="alert">{error}</p>}
    </>
  )
}
