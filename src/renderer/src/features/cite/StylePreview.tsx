// The chosen style shown at work: a citation and a reference of an example
// paper (the seed paper), formatted after the chooser has painted.
import { useEffect, useState } from 'react'
import { formatBibliography, formatCitation } from '@shared/export/formats'
import { PREVIEW_PAPER } from '@shared/export/preview-paper'
import { problemText } from '../../messages'

type Shown = { citation: string; reference: string } | { problem: string }

export function StylePreview({ styleId, lang }: { styleId: string; lang: string }) {
  const [shown, setShown] = useState<Shown | null>(null)

  useEffect(() => {
    setShown(null)
    // let "Formatting…" paint before citeproc builds the style (a second for APA)
    const timer = setTimeout(() => {
      try {
        const opts = { style: styleId, lang }
        setShown({ citation: formatCitation([PREVIEW_PAPER], opts), reference: formatBibliography([PREVIEW_PAPER], opts).trim() })
      } catch (failure) {
        setShown({ problem: `This style could not format the example paper: ${problemText(failure)}` })
      }
    }, 0)
    return () => clearTimeout(timer)
  }, [styleId, lang])

  return (
    <section aria-label="Style preview" className="cite-preview style-preview" aria-busy={!shown}>
      {!shown ? (
        <p className="muted">Formatting…</p>
      ) : 'problem' in shown ? (
        <p>{shown.problem}</p>
      ) : (
        <>
          <p className="cite-citation">{shown.citation}</p>
          <p className="cite-entry">{shown.reference}</p>
        </>
      )}
    </section>
  )
}
