// Which web permissions the desktop window may use: the one the app needs
// ("Copy citation" writes the clipboard with navigator.clipboard.writeText,
// which Electron calls clipboard-sanitized-write), asked by the app's own top
// frame. Camera, microphone, notifications, geolocation, clipboard reading,
// MIDI, HID, USB, serial, fullscreen, pointer lock, opening external
// protocols … are all refused. No Electron here.
import { isAppPageUrl } from './app-origin'

const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write']

export function mayUsePermission(permission: string, requestingUrl: string | undefined, isMainFrame: boolean): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isMainFrame && !!requestingUrl && isAppPageUrl(requestingUrl)
}
