// Binds the contract to IPC. Only the app's own top frame, loaded from the
// app's own files, may call.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Handlers } from '@shared/contract'
import { fail } from '@shared/result'
import { invokeChannel } from '../invoke'

export function bindContract(handlers: Handlers, isAppPage: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, arg: unknown) => {
      const frame = event.senderFrame
      if (!frame || frame.parent !== null || !isAppPage(frame.url)) {
        return fail('INVALID_INPUT', 'Request refused: it did not come from the Neuroref window.')
      }
      return invokeChannel(handlers, channel, arg)
    })
  }
}
