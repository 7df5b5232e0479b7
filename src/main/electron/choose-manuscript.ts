// Format manuscript: the researcher picks the Word or LibreOffice document in
// the system open dialog; its folder is where the formatted copy goes.
import { dialog, type BrowserWindow } from 'electron'

export async function chooseManuscript(window: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Format manuscript',
    buttonLabel: 'Open',
    properties: ['openFile' as const],
    filters: [{ name: 'Word or LibreOffice document', extensions: ['docx', 'odt', 'doc'] }]
  }
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0]
}
