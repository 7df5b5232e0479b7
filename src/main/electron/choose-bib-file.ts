// Auto-export: the researcher picks the .bib file in the system save dialog;
// that choice is the only way a path enters main's registry on the desktop.
// A library backup's place is chosen the same way.
import { dialog, type BrowserWindow } from 'electron'

export async function chooseBibFile(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options = {
    title: 'Keep a .bib file up to date',
    buttonLabel: 'Auto-export here',
    defaultPath: suggestedName,
    filters: [{ name: 'BibTeX', extensions: ['bib'] }]
  }
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}

export async function chooseBackupFile(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options = { title: 'Back up library', defaultPath: suggestedName, filters: [{ name: 'Neuroref library backup', extensions: ['ndjson'] }] }
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}
