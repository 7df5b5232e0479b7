// Wiring of the desktop entry (src/main/index.ts) against a small stand-in for
// the `electron` module that records what main asks of it. This is not
// Electron: it shows that main binds every channel, makes the window with the
// secure settings, refuses navigation, serves app:// from the renderer folder
// only, restricts permissions and keeps one running copy. Whether Electron
// honours those settings is e2e/electron.spec.ts's job where a binary exists.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '@shared/contract'

type Listener = (...args: unknown[]) => unknown

/** What main asked of electron since its last start (each test starts main afresh: startMain). */
const rec = vi.hoisted(() => {
  const started = () => ({
    userData: '',
    gotLock: true,
    calls: [] as string[],
    windows: [] as { options: Record<string, unknown>; loaded: string[]; events: Map<string, Listener[]>; front: string[]; openHandler?: Listener }[],
    handles: new Map<string, Listener>(),
    privileged: [] as { scheme: string; privileges: Record<string, unknown> }[],
    protocols: new Map<string, Listener>(),
    appEvents: new Map<string, Listener>(),
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    spellcheck: [] as boolean[],
    openedExternally: [] as string[],
    dialogResponse: 2,
    questions: [] as string[]
  })
  return Object.assign(started(), { started })
})

vi.mock('electron', () => {
  class WebContents {
    events = new Map<string, Listener[]>()
    session = {}
    on(name: string, listener: Listener) {
      this.events.set(name, [...(this.events.get(name) ?? []), listener])
      return this
    }
    setWindowOpenHandler(handler: Listener) {
      rec.windows.at(-1)!.openHandler = handler
    }
  }
  class BrowserWindow {
    webContents = new WebContents()
    record: (typeof rec.windows)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], events: this.webContents.events, front: [] }
      rec.windows.push(this.record)
      rec.calls.push('new BrowserWindow')
    }
    static getAllWindows = () => rec.windows
    once() {}
    on() {}
    isMinimized = () => true
    restore = () => this.record.front.push('restore')
    show = () => this.record.front.push('show')
    focus = () => this.record.front.push('focus')
    loadURL = async (url: string) => void this.record.loaded.push(url)
    loadFile = async (path: string) => void this.record.loaded.push(`file:${path}`)
  }
  const app = {
    isPackaged: false,
    enableSandbox: () => rec.calls.push('enableSandbox'),
    setPath: () => {},
    getPath: () => rec.userData,
    requestSingleInstanceLock: () => (rec.calls.push('requestSingleInstanceLock'), rec.gotLock),
    quit: () => rec.calls.push('quit'),
    on: (name: string, listener: Listener) => rec.appEvents.set(name, listener),
    whenReady: () => (rec.calls.push('whenReady'), Promise.resolve()),
    setAsDefaultProtocolClient: () => rec.calls.push('setAsDefaultProtocolClient')
  }
  const protocol = {
    registerSchemesAsPrivileged: (schemes: typeof rec.privileged) => (rec.calls.push('registerSchemesAsPrivileged'), rec.privileged.push(...schemes)),
    handle: (scheme: string, handler: Listener) => rec.protocols.set(scheme, handler)
  }
  const defaultSession = {
    setPermissionRequestHandler: (handler: Listener) => (rec.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Listener) => (rec.permissionCheck = handler),
    setSpellCheckerEnabled: (on: boolean) => rec.spellcheck.push(on)
  }
  const electron = {
    app,
    BrowserWindow,
    protocol,
    session: { defaultSession },
    // no system keychain here: the sync account file relies on its mode (account-store.test.ts tests the encrypted case)
    safeStorage: { isEncryptionAvailable: () => false },
    ipcMain: { handle: (channel: string, listener: Listener) => rec.handles.set(channel, listener) },
    shell: { openExternal: async (url: string) => void rec.openedExternally.push(url), showItemInFolder: () => {}, openPath: async () => '' },
    dialog: {
      showMessageBox: async (options: { message: string }) => (rec.questions.push(options.message), { response: rec.dialogResponse }),
      showSaveDialog: async () => ({ canceled: true })
    }
  }
  return { ...electron, default: electron }
})

const window = () => rec.windows[0]
const fire = (name: string, ...args: unknown[]) =>
  window()
    .events.get(name)!
    .map(listener => listener(...args))
const event = () => ({
  prevented: false,
  preventDefault() {
    this.prevented = true
  }
})
const invoke = (channel: string, url: string, parent: unknown = null, arg?: unknown) => rec.handles.get(channel)!({ senderFrame: { url, parent } }, arg)

const made: string[] = []
const freshUserData = (): string => {
  made.push(mkdtempSync(join(tmpdir(), 'neuroref-wiring-')))
  return made.at(-1)!
}

/**
 * Main started in a new process, as a launch does: electron's record emptied, a new data folder (with a library from
 * before app:// where asked), then src/main/index.ts run again. `dialogResponse`: the button chosen when main asks.
 */
async function startMain({ gotLock = true, earlierLibrary = false, dialogResponse = 2 } = {}): Promise<void> {
  vi.resetModules()
  Object.assign(rec, rec.started(), { gotLock, dialogResponse, userData: freshUserData() })
  if (earlierLibrary) {
    const earlier = join(rec.userData, 'IndexedDB', 'file__0.indexeddb.leveldb')
    mkdirSync(earlier, { recursive: true })
    writeFileSync(join(earlier, '000003.log'), Buffer.alloc(50_000, 1))
  }
  await import('./index')
  if (gotLock) await vi.waitFor(() => expect(rec.windows).toHaveLength(1))
}

afterAll(() => made.forEach(dir => rmSync(dir, { recursive: true, force: true })))

describe('desktop entry wiring (a stand-in for electron, not Electron)', () => {
  beforeEach(() => startMain())

  it('registers app:// as a standard, secure scheme whose scripts V8 keeps compiled between starts, before the app is ready, then serves it', () => {
    expect(rec.privileged).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          codeCache: true,
          bypassCSP: false,
          allowServiceWorkers: false
        })
      }
    ])
    expect(rec.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(rec.calls.indexOf('whenReady'))
    expect(rec.calls.indexOf('enableSandbox')).toBeLessThan(rec.calls.indexOf('whenReady'))
    expect([...rec.protocols.keys()]).toEqual(['app'])
  })

  it('makes one window with the secure webPreferences and loads it from app://, not file://', () => {
    expect(rec.windows).toHaveLength(1)
    expect(window().options.webPreferences).toEqual(
      expect.objectContaining({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        preload: expect.stringMatching(/preload[\\/]index\.js$/)
      })
    )
    expect(window().loaded).toEqual(['app://neuroref/index.html'])
  })

  it('binds every contract channel, and answers only the app’s own top frame', async () => {
    expect([...rec.handles.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(await invoke('app.info', 'app://neuroref/index.html')).toMatchObject({ ok: true, value: { edition: 'desktop' } })
    const refused = { ok: false, error: { message: 'Request refused: it did not come from the Neuroref window.' } }
    expect(await invoke('app.info', 'file:///opt/neuroref/out/renderer/index.html')).toMatchObject(refused)
    expect(await invoke('app.info', 'https://example.org/')).toMatchObject(refused)
    expect(await invoke('app.info', 'app://neuroref/index.html', { url: 'app://neuroref/index.html' })).toMatchObject(refused)
  })

  it('refuses navigation, redirects and webviews, and sends only web links out, never a new window', () => {
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = event()
      fire(name, e, 'https://example.org/')
      expect(e.prevented, name).toBe(true)
    }
    expect(window().openHandler!({ url: 'https://doi.org/10.1000/xyz' })).toEqual({ action: 'deny' })
    expect(window().openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(window().openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(rec.openedExternally).toEqual(['https://doi.org/10.1000/xyz'])
  })

  it('serves only files under the renderer folder over app://', async () => {
    const serve = (url: string) => rec.protocols.get('app')!(new Request(url)) as Promise<Response>
    const index = await serve('app://neuroref/index.html')
    expect(index.status).toBe(200)
    expect(await index.text()).toContain('Content-Security-Policy')
    // this test runs from src/main, so the "renderer folder" is src/renderer: main's own source and package.json are outside it
    expect((await serve('app://neuroref/..%2Fmain%2Findex.ts')).status).toBe(404)
    expect((await serve('app://neuroref/..%2F..%2Fpackage.json')).status).toBe(404)
  })

  it('allows clipboard writing from the app’s own page and refuses every other permission', () => {
    const asked = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let answer: boolean | undefined
      rec.permissionRequest!({}, permission, (granted: boolean) => (answer = granted), { requestingUrl, isMainFrame })
      return answer
    }
    expect(asked('clipboard-sanitized-write', 'app://neuroref/index.html')).toBe(true)
    expect(asked('clipboard-sanitized-write', 'app://neuroref/index.html', false)).toBe(false)
    expect(asked('media', 'app://neuroref/index.html')).toBe(false)
    expect(asked('notifications', 'app://neuroref/index.html')).toBe(false)
    expect(rec.permissionCheck!({}, 'clipboard-sanitized-write', 'app://neuroref', { isMainFrame: true })).toBe(true)
    expect(rec.permissionCheck!({}, 'clipboard-read', 'app://neuroref', { isMainFrame: true })).toBe(false)
    expect(rec.permissionCheck!({}, 'geolocation', 'https://example.org', { isMainFrame: true })).toBe(false)
  })

  it('starts with spell-checking off and turns it on only when asked, remembering it', async () => {
    expect(rec.spellcheck).toEqual([false])
    expect(await invoke('app.spellcheck', 'app://neuroref/index.html', null, {})).toEqual({ ok: true, value: { enabled: false, available: true } })
    expect(await invoke('app.spellcheck', 'app://neuroref/index.html', null, { enabled: true })).toEqual({
      ok: true,
      value: { enabled: true, available: true }
    })
    expect(rec.spellcheck).toEqual([false, true])
  })

  it('keeps one running copy: a second launch with a .bib brings the window forward and hands the file to the renderer', async () => {
    expect(rec.calls).toContain('requestSingleInstanceLock')
    const bib = join(rec.userData, 'thesis.bib')
    writeFileSync(bib, '@article{k, title={Vasopressin}}')
    rec.appEvents.get('second-instance')!({}, ['/opt/Neuroref/neuroref', 'thesis.bib', 'neuroref://add?ids=10.1000%2Fxyz'], rec.userData)
    expect(window().front).toEqual(['restore', 'show', 'focus'])
    const taken = await invoke('app.openRequests', 'app://neuroref/index.html')
    expect(taken).toEqual({
      ok: true,
      value: [
        { kind: 'import', fileName: 'thesis.bib', data: Buffer.from('@article{k, title={Vasopressin}}').toString('base64') },
        { kind: 'identifiers', text: '10.1000/xyz' }
      ]
    })
    expect(await invoke('app.openRequests', 'app://neuroref/index.html')).toEqual({ ok: true, value: [] })
  })

  it('quits at once when another copy holds the lock', async () => {
    await startMain({ gotLock: false })
    expect(rec.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'quit'])
  })
})

describe('a library from before app:// (file:// origin), at the first start', () => {
  it('asks before the window loads; “Open the earlier library” opens it from file:// and lets that page call main', async () => {
    await startMain({ earlierLibrary: true, dialogResponse: 0 })
    expect(rec.questions).toEqual([expect.stringContaining('Your earlier library is still here, untouched')])
    expect(window().loaded).toEqual([`file:${join(__dirname, '../renderer', 'index.html')}`])
    const earlierPage = `file://${join(__dirname, '../renderer', 'index.html')}`
    expect(await invoke('app.info', earlierPage)).toMatchObject({ ok: true })
    expect(await invoke('app.info', 'file:///home/r/Downloads/evil.html')).toMatchObject({ ok: false })
    expect(existsSync(join(rec.userData, 'earlier-library.json'))).toBe(false)
  })

  it('“Continue with the new library” loads app:// and is remembered, so the question comes once', async () => {
    await startMain({ earlierLibrary: true, dialogResponse: 1 })
    expect(window().loaded).toEqual(['app://neuroref/index.html'])
    expect(JSON.parse(readFileSync(join(rec.userData, 'earlier-library.json'), 'utf8'))).toMatchObject({ choice: 'moved' })
    expect(await invoke('app.info', `file://${join(__dirname, '../renderer', 'index.html')}`)).toMatchObject({ ok: false })
  })
})
