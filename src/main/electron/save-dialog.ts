// Export files are written only where the user chose in the save dialog.
import { dialog, type BrowserWindow } from 'electron'
import { writeFile } from 'node:fs/promises'
import { ServiceError } from '@shared/result'

/** Where to save an export, asked in the save dialog; null when the user cancels. */
export async function chooseExportFile(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options = { defaultPath: suggestedName, filters: [{ name: 'Bibliography', extensions: ['bib', 'ris', 'json', 'txt'] }] }
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}

export async function saveWithDialog(window: BrowserWindow | null, suggestedName: string, content: string): Promise<{ path: string } | null> {
  const path = await chooseExportFile(window, suggestedName)
  if (path === null) return null
  try {
    await writeFile(path, content, 'utf8')
  } catch (error) {
    throw new ServiceError('IO', `Could not write ${path}: ${(error as Error).message}`)
  }
  return { path }
}
