// PDFs dropped on a row of the list are attached to that paper; anywhere else
// in the library they become new papers (PDF → item). Listens before the
// window's own drop handler (capture), so a drop on a row is handled once.
import { useEffect } from 'react'
import { useNotify } from '../../components/notify'
import { attachFilesToItem, droppedPdfs } from './attach-files'

/** Rows carry their item's id as data-item-id. */
export function usePdfDropOnRows(): void {
  const notify = useNotify()
  useEffect(() => {
    const drop = (event: DragEvent): void => {
      const row = (event.target as Element | null)?.closest?.('[data-item-id]')
      const pdfs = droppedPdfs(event.dataTransfer)
      const itemId = row?.getAttribute('data-item-id')
      if (!itemId || pdfs.length === 0) return
      event.preventDefault()
      event.stopPropagation()
      void attachFilesToItem(itemId, pdfs).then(notify)
    }
    window.addEventListener('drop', drop, true)
    return () => window.removeEventListener('drop', drop, true)
  }, [notify])
}
