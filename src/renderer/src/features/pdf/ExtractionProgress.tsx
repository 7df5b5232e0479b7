// The footer's "Extracting text 3 of 12" while PDFs are being read; at start,
// attachments whose text was never read are queued.
import { useEffect } from 'react'
import { storeLoaded } from '../../root'
import { useExtractionProgress } from './extraction-queue'
import { extractionQueue } from './pdf-context'

export function ExtractionProgress() {
  const progress = useExtractionProgress(extractionQueue)
  useEffect(() => {
    void storeLoaded.then(() => extractionQueue.addMissing())
  }, [])
  if (!progress) return null
  return (
    <span className="library-count" role="progressbar" aria-label="Text extraction" aria-valuetext={progress}>
      {progress}
    </span>
  )
}
