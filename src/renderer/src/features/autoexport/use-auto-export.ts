// Starts the window's auto-exporter (made by root.ts) once the library is in memory.
import { useEffect } from 'react'
import { autoExporter, storeLoaded } from '../../root'

export function useAutoExport(): void {
  useEffect(() => {
    let live = true
    let stop: (() => void) | undefined
    void storeLoaded.then(() => {
      if (live) stop = autoExporter.start()
    })
    return () => {
      live = false
      stop?.()
    }
  }, [])
}
