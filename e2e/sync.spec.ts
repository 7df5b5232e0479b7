// Sync between two computers (issue 14): two browser contexts, each its own
// IndexedDB (two computers), one web edition (main keeps the account both
// use; two web editions when each computer needs its own PDFs) and one CouchDB-compatible test server (e2e/support/couch-server.ts;
// NEUROREF_TEST_COUCHDB_URL runs it against a real CouchDB). Papers come from
// recorded Crossref responses.
import { createHash } from 'node:crypto'
import { access, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { replayEnvironment } from './replay/recorded'
import { startTestCouch, type TestCouch } from './support/couch-server'
import { startWebEditionProcess, type RunningWebEdition } from './support/web-edition'

const PLOS = { doi: '10.1371/journal.pone.0033693', title: 'Methylphenidate Exposure Induces Dopamine Neuron Loss' }
const SREP = { doi: '10.1038/srep16696', title: 'Single-molecule FRET studies on alpha-synuclein oligomerization' }
const USER = { name: 'ann', password: 'ann-password' }
const HINDAWI = path.resolve(__dirname, 'fixtures/pdf/articles/hindawi_rrp_2010_157939.pdf')
/** 1.6 MB: over a 1 MB limit */
const PEERJ = path.resolve(__dirname, 'fixtures/pdf/articles/peerj_cs_2019_10.7717_peerj-cs.213.pdf')

let couch: TestCouch
let database = ''
let counter = 0
test.beforeAll(async () => {
  couch = await startTestCouch()
  await couch.createUser(USER.name, USER.password)
})
test.afterAll(() => couch?.close())

/** A database for one test and its files database, made by the server's administrator and open to ann only (docs/SYNC.md). */
test.beforeEach(async () => {
  database = `neuroref-ann-${process.pid}-${++counter}`
  await couch.createLibrary(database, [USER.name])
})

async function webEdition(replayUrl: string): Promise<RunningWebEdition & { dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'neuroref-sync-e2e-'))
  return { ...(await startWebEditionProcess({ ...replayEnvironment(replayUrl), NEUROREF_DATA_DIR: dataDir })), dataDir }
}

interface Computer {
  context: BrowserContext
  page: Page
}

async function openComputer(browser: Browser, app: RunningWebEdition): Promise<Computer> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(app.url)
  await expect(page.getByRole('grid', { name: 'Items' })).toBeVisible()
  return { context, page }
}

const syncLine = (page: Page) => page.getByRole('navigation', { name: 'Library' }).getByRole('status', { name: 'Sync' })
const row = (page: Page, title: string) => page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: title })
const details = (page: Page) => page.getByRole('region', { name: 'Item details' })

async function signIn(page: Page, password = USER.password): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Sync' })
  await section.getByLabel('Server address').fill(couch.url)
  await section.getByLabel('Database').fill(database)
  await section.getByLabel('User name').fill(USER.name)
  await section.getByLabel('Password').fill(password)
  await section.getByRole('button', { name: 'Start syncing' }).click()
  // the window reloads so its Content-Security-Policy allows the server
  await expect(page.getByRole('grid', { name: 'Items' })).toBeVisible()
}

/** A computer signed in to the sync server, its first sync done. */
async function syncingComputer(browser: Browser, app: RunningWebEdition): Promise<Computer> {
  const computer = await openComputer(browser, app)
  await signIn(computer.page)
  await expect(syncLine(computer.page)).toHaveText(/^Synced at \d\d:\d\d$/)
  return computer
}

async function addByIdentifier(page: Page, doi: string, title: string): Promise<void> {
  await page.getByLabel('Add by identifier').fill(doi)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(row(page, title)).toHaveCount(1)
}

async function edit(page: Page, title: string, label: string, value: string): Promise<void> {
  await row(page, title).click()
  await details(page).getByRole('button', { name: 'Edit' }).click()
  const form = details(page).getByRole('form', { name: 'Edit paper' })
  await form.getByLabel(label).fill(value)
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toHaveCount(0)
}

test('two computers: added on one, shown on the other; edits made apart merge; a conflict is shown the right way round and resolved', async ({
  browser,
  replay
}) => {
  test.setTimeout(180_000)
  const app = await webEdition(replay.url)
  try {
    const a = await syncingComputer(browser, app)
    await addByIdentifier(a.page, PLOS.doi, PLOS.title)
    await addByIdentifier(a.page, SREP.doi, SREP.title)

    // B: main already keeps the account, so the other browser profile syncs from the start
    const b = await openComputer(browser, app)
    await expect(row(b.page, PLOS.title)).toHaveCount(1)
    await expect(row(b.page, SREP.title)).toHaveCount(1)
    await expect(syncLine(b.page)).toHaveText(/^Synced at \d\d:\d\d$/)

    // Both go offline and edit the same paper: the title on both, the volume on B only.
    await a.context.setOffline(true)
    await b.context.setOffline(true)
    await expect(syncLine(a.page)).toHaveText(/^Offline/)
    await edit(a.page, PLOS.title, 'Title', 'Title written on A')
    await edit(b.page, PLOS.title, 'Title', 'Title written on B')
    await edit(b.page, 'Title written on B', 'Volume', '77')
    // Trashed on A, edited on B.
    await row(a.page, SREP.title).click()
    await a.page.keyboard.press('Delete')
    await expect(row(a.page, SREP.title)).toHaveCount(0)
    await edit(b.page, SREP.title, 'Pages', 'e16696-kept')
    await expect(syncLine(a.page)).toHaveText(/^Offline: \d+ changes? waiting$/)

    await a.context.setOffline(false)
    await expect(syncLine(a.page)).toHaveText(/^Synced at/, { timeout: 30_000 })
    await b.context.setOffline(false)
    await expect(syncLine(b.page)).toHaveText(/^Synced at/, { timeout: 30_000 })

    for (const { page } of [a, b]) {
      // the volume edited on B only is merged; the title edited on both is a conflict
      const paper = row(page, 'Title written on')
      await expect(paper).toHaveCount(1, { timeout: 30_000 })
      await paper.click()
      await expect(details(page).getByRole('region', { name: 'Sync conflicts' })).toBeVisible({ timeout: 30_000 })
      await expect(details(page)).toContainText('77')
      // the paper trashed on A and edited on B stays, marked
      await expect(row(page, SREP.title)).toHaveCount(1)
    }
    // Each computer names its own value as "This computer".
    const conflictOn = (page: Page) => details(page).getByRole('listitem', { name: 'Conflict: Title' })
    await row(a.page, 'Title written on').click()
    await expect(conflictOn(a.page)).toContainText('This computer: “Title written on A”')
    await expect(conflictOn(a.page)).toContainText('The other computer: “Title written on B”')
    await row(b.page, 'Title written on').click()
    await expect(conflictOn(b.page)).toContainText('This computer: “Title written on B”')
    await expect(conflictOn(b.page)).toContainText('The other computer: “Title written on A”')

    // Resolve on B, keeping A's title: both computers end with it, the conflict gone.
    await conflictOn(b.page).getByRole('button', { name: 'Resolve: keep the other computer’s value' }).click()
    for (const { page } of [a, b]) {
      await row(page, 'Title written on A').click({ timeout: 30_000 })
      await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Title written on A')
      await expect(details(page).getByRole('listitem', { name: 'Conflict: Title' })).toHaveCount(0, { timeout: 30_000 })
    }
    // The trashed-and-edited paper says why it is back.
    await row(a.page, SREP.title).click()
    await expect(details(a.page).getByRole('listitem', { name: 'Conflict: Trash' })).toContainText('moved to the Trash')
    await expect(details(a.page).getByRole('listitem', { name: 'Conflict: Trash' })).toContainText('kept and edited')
  } finally {
    await app.stop()
  }
})

test('a wrong password is said in words in the sidebar', async ({ browser, replay }) => {
  const app = await webEdition(replay.url)
  try {
    const { page } = await openComputer(browser, app)
    await signIn(page, 'not-the-password')
    await expect(syncLine(page)).toHaveText('Wrong user name or password')
  } finally {
    await app.stop()
  }
})

test('the replica is kept by the sync worker: when the worker fails or stops answering the sidebar says so, and sync starts again and goes on', async ({
  browser,
  replay
}) => {
  test.setTimeout(240_000)
  const app = await webEdition(replay.url)
  try {
    const a = await syncingComputer(browser, app)
    // B: main already keeps the account
    const b = await openComputer(browser, app)
    await expect(syncLine(b.page)).toHaveText(/^Synced at \d\d:\d\d$/)
    // the window's thread holds no PouchDB: the replica and its replication live in their own worker
    const worker = a.page.workers().find(w => /replica\.worker/.test(w.url()))
    expect(worker, 'a sync worker holds the replica').toBeDefined()
    // an uncaught error in the worker, as a failure inside PouchDB would be
    await worker!.evaluate(
      () =>
        void setTimeout(() => {
          throw new Error('simulated failure')
        })
    )
    await expect(syncLine(a.page)).toContainText('Sync stopped unexpectedly: the sync worker failed')
    await expect(syncLine(a.page)).toContainText('simulated failure')
    // a new worker takes over
    await expect(syncLine(a.page)).toHaveText(/^Synced at \d\d:\d\d$/, { timeout: 60_000 })
    // a worker ended without an error event (as the browser may end one) stops answering: that is found and said too
    const second = a.page
      .workers()
      .filter(w => /replica\.worker/.test(w.url()))
      .at(-1)
    await second!.evaluate(() => void setTimeout(() => (self as unknown as { close(): void }).close()))
    await expect(syncLine(a.page)).toHaveText(/^Sync stopped unexpectedly: the sync worker stopped answering; it starts again in 15 s/, { timeout: 60_000 })
    // and a new worker takes over again: what is added afterwards reaches the other computer
    await expect(syncLine(a.page)).toHaveText(/^Synced at \d\d:\d\d$/, { timeout: 60_000 })
    await addByIdentifier(a.page, PLOS.doi, PLOS.title)
    await expect(row(b.page, PLOS.title)).toHaveCount(1, { timeout: 30_000 })
  } finally {
    await app.stop()
  }
})

test('a PDF attached on one computer opens on another, fetched from the sync server', async ({ browser, replay }) => {
  test.setTimeout(180_000)
  // two web editions, two data folders: each computer has its own attachment store
  const first = await webEdition(replay.url)
  const second = await webEdition(replay.url)
  try {
    const a = await syncingComputer(browser, first)
    await addByIdentifier(a.page, PLOS.doi, PLOS.title)
    await row(a.page, PLOS.title).click()
    await details(a.page).getByLabel('Attach PDF…').setInputFiles(HINDAWI)
    await expect(details(a.page).getByRole('listitem', { name: path.basename(HINDAWI) })).toBeVisible()
    // A sends the bytes once, to the files database
    await expect.poll(async () => ((await (await couch.admin(`/${database}-files/_all_docs`)).json()) as { rows: unknown[] }).rows.length).toBe(1)

    const b = await openComputer(browser, second)
    await signIn(b.page)
    await row(b.page, PLOS.title).click({ timeout: 30_000 })
    const file = details(b.page).getByRole('listitem', { name: path.basename(HINDAWI) })
    await file.getByRole('button', { name: 'Open PDF' }).click({ timeout: 30_000 })
    const viewer = b.page.getByRole('dialog', { name: /PDF viewer/ })
    await expect(viewer).toContainText('of 6')
    await viewer.getByRole('button', { name: 'Next page' }).click()
    await expect(viewer.getByTestId('pdf-text-layer')).toContainText('Structured cardiac rehabilitation')
  } finally {
    await first.stop()
    await second.stop()
  }
})

test('Download PDF on another computer fetches a PDF only its record brought; one the size limit kept back is said with the limit', async ({
  browser,
  replay
}) => {
  test.setTimeout(180_000)
  // two web editions, two data folders: each computer has its own attachment store; the web edition offers Download PDF
  // where the desktop app offers Show file and Open in system viewer, which take the same first step
  const first = await webEdition(replay.url)
  const second = await webEdition(replay.url)
  const oneMegabyte = async (section: Locator) => {
    await section.getByLabel('Size limit per PDF (MB)').fill('1')
    await section.getByLabel('Size limit per PDF (MB)').press('Enter')
    await expect(section.getByRole('alert')).toHaveCount(0)
  }
  try {
    const a = await syncingComputer(browser, first)
    await inSyncSettings(a.page, oneMegabyte)
    await addByIdentifier(a.page, PLOS.doi, PLOS.title)
    await row(a.page, PLOS.title).click()
    for (const pdf of [HINDAWI, PEERJ]) {
      await details(a.page).getByLabel('Attach PDF…').setInputFiles(pdf)
      await expect(details(a.page).getByRole('listitem', { name: path.basename(pdf) })).toBeVisible()
    }
    await expect.poll(async () => ((await (await couch.admin(`/${database}-files/_all_docs`)).json()) as { rows: unknown[] }).rows.length).toBe(1)

    const b = await openComputer(browser, second)
    await signIn(b.page)
    await inSyncSettings(b.page, oneMegabyte)
    await row(b.page, PLOS.title).click({ timeout: 30_000 })
    const downloading = b.page.waitForEvent('download')
    await details(b.page)
      .getByRole('listitem', { name: path.basename(HINDAWI) })
      .getByRole('button', { name: 'Download PDF' })
      .click({ timeout: 30_000 })
    const download = await downloading
    expect(download.suggestedFilename()).toBe(path.basename(HINDAWI))
    expect(Buffer.compare(await readFile((await download.path())!), await readFile(HINDAWI))).toBe(0)

    await details(b.page)
      .getByRole('listitem', { name: path.basename(PEERJ) })
      .getByRole('button', { name: 'Download PDF' })
      .click()
    await expect(b.page.getByRole('alert')).toContainText(
      'This PDF (1.5 MB) is over the 1 MB limit per PDF (Settings → Sync), so it is not sent to the sync server: it stays on the computer it was attached on.'
    )
  } finally {
    await first.stop()
    await second.stop()
  }
})

/** Settings → Sync, for `change`, then closed. */
async function inSyncSettings(page: Page, change: (section: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await change(dialog.getByRole('region', { name: 'Sync' }))
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
}

test('"Always download" fetches a PDF attached on another computer without opening it, and its text is read; a PDF over the size limit stays on its computer', async ({
  browser,
  replay
}) => {
  test.setTimeout(240_000)
  const first = await webEdition(replay.url)
  const second = await webEdition(replay.url)
  try {
    const a = await syncingComputer(browser, first)
    const b = await syncingComputer(browser, second)
    await inSyncSettings(b.page, async section => {
      await expect(section.getByRole('radio', { name: 'Download when opened' })).toBeChecked()
      await section.getByRole('radio', { name: 'Always download' }).check()
      // a limit that is not a whole number of megabytes is said in words, and not kept
      await section.getByLabel('Size limit per PDF (MB)').fill('0.5')
      await section.getByLabel('Size limit per PDF (MB)').press('Enter')
      await expect(section.getByRole('alert')).toHaveText('The PDF size limit is a whole number of megabytes, from 1 to 1000 (for example 50).')
      await section.getByLabel('Size limit per PDF (MB)').fill('50')
      await section.getByLabel('Size limit per PDF (MB)').press('Enter')
      await expect(section.getByRole('alert')).toHaveCount(0)
    })
    // kept in main with the account: the choice is there when Settings open again
    await inSyncSettings(b.page, async section => {
      await expect(section.getByRole('radio', { name: 'Always download' })).toBeChecked()
      await expect(section.getByLabel('Size limit per PDF (MB)')).toHaveValue('50')
    })

    await addByIdentifier(a.page, PLOS.doi, PLOS.title)
    await row(a.page, PLOS.title).click()
    await details(a.page).getByLabel('Attach PDF…').setInputFiles(HINDAWI)
    await expect(details(a.page).getByRole('listitem', { name: path.basename(HINDAWI) })).toBeVisible()

    // B stores the bytes without anyone opening the PDF there
    const hash = createHash('sha256')
      .update(await readFile(HINDAWI))
      .digest('hex')
    const storedOnB = path.join(second.dataDir, 'attachments', hash.slice(0, 2), `${hash}.pdf`)
    await expect
      .poll(
        () =>
          access(storedOnB).then(
            () => true,
            () => false
          ),
        { timeout: 60_000 }
      )
      .toBe(true)
    // its text is read once the bytes are here: B finds the paper by a word only its PDF holds
    await b.page.getByLabel('Search library').fill('semistructured')
    await expect(row(b.page, PLOS.title)).toHaveCount(1, { timeout: 30_000 })
    // and opens it with the sync server down
    await couch.takeDown()
    try {
      await row(b.page, PLOS.title).click()
      await details(b.page)
        .getByRole('listitem', { name: path.basename(HINDAWI) })
        .getByRole('button', { name: 'Open PDF' })
        .click()
      await expect(b.page.getByRole('dialog', { name: /PDF viewer/ })).toContainText('of 6')
    } finally {
      await couch.bringUp()
    }

    // A lowers its limit to 1 MB: a 1.6 MB PDF is not sent, and both the status and the item pane say so with that number
    await inSyncSettings(a.page, async section => {
      await section.getByLabel('Size limit per PDF (MB)').fill('1')
      await section.getByLabel('Size limit per PDF (MB)').press('Enter')
      await expect(section.getByRole('alert')).toHaveCount(0)
    })
    await details(a.page).getByLabel('Attach PDF…').setInputFiles(PEERJ)
    const large = details(a.page).getByRole('listitem', { name: path.basename(PEERJ) })
    await expect(large).toContainText('Not synced: over 1 MB, it stays on this computer')
    await expect(syncLine(a.page)).toContainText('1 PDF is over the 1 MB limit, not sent, and stays on this computer only')
    const onServer = async () => ((await (await couch.admin(`/${database}-files/_all_docs`)).json()) as { rows: unknown[] }).rows.length
    expect(await onServer()).toBe(1)
  } finally {
    await first.stop()
    await second.stop()
  }
})
