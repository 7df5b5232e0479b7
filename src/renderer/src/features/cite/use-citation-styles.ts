// The style picker's state: every style (bundled and the researcher's own),
// the chosen one (remembered in settings) and adding a .csl file.
import { problemText } from '../../messages'
import { useEffect, useState } from 'react'
import { db } from '../../root'
import { listStyles, type CitationStyle } from '@shared/export/styles'
import { addCustomStyle, loadCustomStyles, readChosenStyle, writeChosenStyle } from './style-settings'

export interface CitationStyles {
  styles: CitationStyle[]
  /** null until the saved choice has been read */
  chosen: string | null
  choose: (id: string) => void
  /** adds a .csl file and chooses it; resolves to an error sentence when the file is refused */
  addFile: (file: File) => Promise<string | null>
}

export function useCitationStyles(): CitationStyles {
  const [styles, setStyles] = useState<CitationStyle[]>(() => listStyles())
  const [chosen, setChosen] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void loadCustomStyles(db)
      .then(() => readChosenStyle(db))
      .then(id => {
        if (!live) return
        setStyles(listStyles())
        setChosen(id)
      })
    return () => {
      live = false
    }
  }, [])

  function choose(id: string): void {
    setChosen(id)
    void writeChosenStyle(db, id)
  }

  async function addFile(file: File): Promise<string | null> {
    try {
      const style = await addCustomStyle(db, await file.text())
      setStyles(listStyles())
      choose(style.id)
      return null
    } catch (error) {
      const reason = problemText(error)
      return `${file.name} was not added. ${reason}`
    }
  }

  return { styles, chosen, choose, addFile }
}
