// Files dropped on the window (not on an item): bibliographies are imported;
// PDFs go to `onPdfs` (PDF → item) when given. Drops on elements that handle
// their own (an item row, the PDF area) stop propagation and never reach here.
import { useEffect } from 'react'
import { prepareReader } from './read-in-worker'

export function useFileDrop(onBibliographies: (files: File[]) => void, onPdfs?: (files: File[]) => void): void {
  useEffect(() => {
    const over = (event: DragEvent): void => {
      if (!event.dataTransfer?.types.includes('Files')) return
      event.preventDefault()
      // a bibliography may be dropped: its reader starts while the file is dragged
      prepareReader()
    }
    const drop = (event: DragEvent): void => {
      const files = [...(event.dataTransfer?.files ?? [])]
      if (files.length === 0) return
      event.preventDefault()
      const isPdf = (f: File): boolean => f.type === 'application/pdf' || /\.pdf$/i.test(f.name)
      const pdfs = onPdfs ? files.filter(isPdf) : []
      const others = files.filter(f => !pdfs.includes(f))
      if (pdfs.length) onPdfs?.(pdfs)
      if (others.length) onBibliographies(others)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [onBibliographies, onPdfs])
}
