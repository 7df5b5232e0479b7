// Export files are written only where the user chose in the save dialog.
import { dialog, type BrowserWindow } from 'electron'
import { writeFile } from 'node:fs/promises'
import { ServiceError } from '@shared/result'

export async function saveWithDialog(window: BrowserWindow | null, suggestedName: string, content: string): Promise<{ path: string } | null> {
  const options = { defaultPath: suggestedName, filters: [{ name: 'Bibliography', extensions: ['bib', 'ris', 'json', 'txt'] }] }
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return null
  try {
    await writeFile(choice.filePath, content, 'utf8')
  } catch (error) {
    throw new ServiceError('IO', `Could not write ${choice.filePath}: ${(error as Error).message}`)
  }
  return { path: choice.filePath }
}
