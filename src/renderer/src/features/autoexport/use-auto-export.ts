// The window's one auto-exporter, started once the library is in memory.
import { useEffect } from 'react'
import { api } from '../../transport'
import { db, store, storeLoaded } from '../../library-context'
import { AutoExporter } from './auto-exporter'

export const autoExporter = new AutoExporter({ db, store, api })

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
