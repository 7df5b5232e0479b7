// Asks once what to do with the library of an earlier Neuroref (file://
// origin; see earlier-library.ts). Runs before the window loads.
import { dialog } from 'electron'
import { planEarlierLibrary, recordEarlierLibraryChoice } from './earlier-library'

/** 'earlier': open the earlier library this time (to back it up); 'current': the app:// library. */
export type LibraryToOpen = 'earlier' | 'current'

export async function chooseLibraryToOpen(userDataDir: string): Promise<LibraryToOpen> {
  const plan = await planEarlierLibrary(userDataDir)
  if (plan.action !== 'ask') return 'current'
  const megabytes = (plan.bytes / 1024 / 1024).toFixed(1)
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: 'Your earlier library',
    message: 'This version of Neuroref keeps its library in a new place. Your earlier library is still here, untouched.',
    detail:
      `Earlier library: ${plan.folder} (${megabytes} MB).\n\n` +
      'To bring it over: open the earlier library, use Settings → Back up the library, quit, start Neuroref again, ' +
      'choose “Continue with the new library”, and use Settings → Restore with that backup.' +
      (plan.newLibraryExists ? '\n\nThe new library already has data: restoring replaces it, so back it up first.' : ''),
    buttons: ['Open the earlier library (to back it up)', 'Continue with the new library', 'Ask me next time'],
    defaultId: 0,
    cancelId: 2,
    noLink: true
  })
  if (response === 0) return 'earlier'
  if (response === 1) await recordEarlierLibraryChoice(userDataDir, 'moved')
  return 'current'
}
