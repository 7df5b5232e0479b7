import { describe, expect, it } from 'vitest'
import { mayUsePermission } from './permissions'

describe('permissions of the desktop window', () => {
  it('lets the app’s own page write the clipboard (Copy citation)', () => {
    expect(mayUsePermission('clipboard-sanitized-write', 'app://neuroref/index.html', true)).toBe(true)
    // the check handler gets the origin alone
    expect(mayUsePermission('clipboard-sanitized-write', 'app://neuroref', true)).toBe(true)
  })

  it('refuses clipboard writing to a subframe, another origin or no origin', () => {
    expect(mayUsePermission('clipboard-sanitized-write', 'app://neuroref/index.html', false)).toBe(false)
    expect(mayUsePermission('clipboard-sanitized-write', 'https://example.org/', true)).toBe(false)
    expect(mayUsePermission('clipboard-sanitized-write', 'file:///tmp/evil.html', true)).toBe(false)
    expect(mayUsePermission('clipboard-sanitized-write', undefined, true)).toBe(false)
  })

  it.each(['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'pointerLock', 'midi', 'hid', 'usb', 'serial', 'unknown'])(
    'refuses %s even to the app’s own page',
    permission => expect(mayUsePermission(permission, 'app://neuroref/index.html', true)).toBe(false)
  )
})
