// Lab libraries (issue 14): two people on two computers — two browser
// contexts, each with its own web edition (main keeps one sync account per
// data folder) — and one CouchDB-compatible test server
// (e2e/support/couch-server.ts; NEUROREF_TEST_COUCHDB_URL runs it against a
// real CouchDB). Wendy creates a lab library and invites Rex as a reader; what
// she adds reaches him, naming her; what he adds is refused by the server,
// which says why, and stays on his computer. Rex then leaves the lab: it is
// gone from his computer, and Wendy keeps everything.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { groupDatabase } from '@renderer/sync/groups'
import { replayEnvironment } from './replay/recorded'
import { startTestCouch, type TestCouch } from './support/couch-server'
import { startWebEditionProcess, type RunningWebEdition } from './support/web-edition'

const PLOS = { doi: '10.1371/journal.pone.0033693', title: 'Methylphenidate Exposure Induces Dopamine Neuron Loss' }
const SREP = { doi: '10.1038/srep16696', title: 'Single-molecule FRET studies on alpha-synuclein oligomerization' }
const OTHER = { doi: '10.1016/j.neurobiolaging.2010.03.024', title: 'Human umbilical cord blood-derived mesenchymal stem cells' }
const LAB = `Smith lab ${process.pid}`

let couch: TestCouch
test.beforeAll(async () => {
  couch = await startTestCouch()
  // on CouchDB 3 only server admins create databases: the lab's PI is one here (docs/SYNC.md)
  await couch.createServerAdmin('wendy', 'wendy-password')
  await couch.createUser('rex', 'rex-password')
})
test.afterAll(() => couch?.close())

/** Each person's own library database and its files database, made by the server's administrator (docs/SYNC.md). */
async function personalDatabase(user: string): Promise<string> {
  const database = `neuroref-${user}-${process.pid}`
  await couch.createLibrary(database, [user])
  return database
}

async function webEdition(replayUrl: string): Promise<RunningWebEdition> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'neuroref-labs-e2e-'))
  return startWebEditionProcess({ ...replayEnvironment(replayUrl), NEUROREF_DATA_DIR: dataDir })
}

async function signedIn(browser: Browser, app: RunningWebEdition, user: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Sync' })
  await section.getByLabel('Server address').fill(couch.url)
  await section.getByLabel('Database').fill(await personalDatabase(user))
  await section.getByLabel('User name').fill(user)
  await section.getByLabel('Password').fill(`${user}-password`)
  await section.getByRole('button', { name: 'Start syncing' }).click()
  await expect(syncLine(page)).toHaveText(/^Synced at \d\d:\d\d$/)
  return page
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' })
const libraries = (page: Page) => sidebar(page).getByRole('region', { name: 'Libraries' })
const syncLine = (page: Page) => sidebar(page).getByRole('status', { name: 'Sync' })
const row = (page: Page, title: string) => page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: title })
const details = (page: Page) => page.getByRole('region', { name: 'Item details' })

/** The lab's documents on the server, each at its revision (read as the server's admin). */
async function onServer(): Promise<string[]> {
  const answer = (await (await couch.admin(`/${groupDatabase(LAB)}/_all_docs`)).json()) as { rows: { id: string; value: { rev: string } }[] }
  return answer.rows.map(r => `${r.id} ${r.value.rev}`)
}

async function addByIdentifier(page: Page, doi: string, title: string): Promise<void> {
  await page.getByLabel('Add by identifier').fill(doi)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(row(page, title)).toHaveCount(1)
}

test('a writer creates a lab library and invites a reader, who sees her papers, is told why he cannot add, and leaves it', async ({ browser, replay }) => {
  test.setTimeout(180_000)
  const [wendysComputer, rexsComputer] = await Promise.all([webEdition(replay.url), webEdition(replay.url)])
  try {
    // both sign in at once (each computer's first sync of its own library)
    const [wendy, rex] = await Promise.all([signedIn(browser, wendysComputer, 'wendy'), signedIn(browser, rexsComputer, 'rex')])
    // Wendy: a paper in her own library, then a new lab library
    await addByIdentifier(wendy, PLOS.doi, PLOS.title)
    await libraries(wendy).getByText('New or join a lab library').click()
    await libraries(wendy).getByLabel('New lab library name').fill(LAB)
    await libraries(wendy).getByRole('button', { name: 'Create' }).click()
    await expect(libraries(wendy).getByRole('button', { name: LAB, exact: true })).toHaveAttribute('aria-current', 'page')
    await expect(row(wendy, PLOS.title)).toHaveCount(0)
    await expect(syncLine(wendy)).toHaveText(/^Synced at \d\d:\d\d$/)

    await libraries(wendy).getByLabel('User name to invite').fill('rex')
    await libraries(wendy).getByLabel('Role').selectOption('reader')
    await libraries(wendy).getByRole('button', { name: 'Invite' }).click()
    await expect(wendy.getByRole('status').filter({ hasText: `rex may now read “${LAB}”.` })).toBeVisible()
    await libraries(wendy).getByText('Members', { exact: true }).click()
    await expect(libraries(wendy).getByLabel('Role of rex')).toHaveValue('reader')
    await expect(libraries(wendy).getByLabel('Role of wendy')).toHaveValue('admin')
    await addByIdentifier(wendy, SREP.doi, SREP.title)

    // …and copies the paper from her own library into the lab's, every field kept
    await libraries(wendy).getByRole('button', { name: 'My library' }).click()
    await row(wendy, PLOS.title).click()
    await details(wendy).getByLabel('Copy to library').selectOption({ label: LAB })
    await details(wendy).getByRole('button', { name: 'Copy', exact: true }).click()
    await expect(wendy.getByRole('status').filter({ hasText: `Copied to “${LAB}”.` })).toBeVisible()
    await libraries(wendy).getByRole('button', { name: LAB, exact: true }).click()
    await expect(row(wendy, PLOS.title)).toHaveCount(1)
    await expect(syncLine(wendy)).toHaveText(/^Synced at \d\d:\d\d$/)

    // Rex joins: both papers, each naming who added it
    await libraries(rex).getByText('New or join a lab library').click()
    await libraries(rex).getByLabel('Lab library to join').fill(LAB)
    await libraries(rex).getByRole('button', { name: 'Join' }).click()
    await expect(libraries(rex).getByRole('button', { name: LAB, exact: true })).toHaveAttribute('aria-current', 'page')
    await expect(row(rex, SREP.title)).toHaveCount(1)
    await expect(row(rex, PLOS.title)).toHaveCount(1)
    await row(rex, PLOS.title).click()
    await expect(details(rex)).toContainText('Added bywendy')
    await expect(details(rex)).toContainText('Last edited bywendy')

    // Rex adds a paper: the server refuses it and says why; it stays on his computer
    await addByIdentifier(rex, OTHER.doi, OTHER.title)
    await expect(syncLine(rex)).toContainText(
      `The server refused 1 change, kept on this computer: The lab library “${LAB}” is read-only for rex: ask one of its writers (wendy) to make you a writer`
    )
    await expect(row(rex, OTHER.title)).toHaveCount(1)
    await expect(row(wendy, OTHER.title)).toHaveCount(0)

    // Rex leaves: the lab and its papers are gone from his computer (its database and replica too), he is back in his own library
    const serverCopy = await onServer()
    await libraries(rex)
      .getByRole('button', { name: `Leave “${LAB}”` })
      .click()
    const leaving = rex.getByRole('alertdialog', { name: `Leave “${LAB}”?` })
    await expect(leaving).toContainText('The lab library on the server is not touched: its other members keep everything.')
    await leaving.getByRole('button', { name: 'Leave', exact: true }).click()
    await expect(libraries(rex).getByRole('button', { name: 'My library' })).toHaveAttribute('aria-current', 'page')
    await expect(libraries(rex).getByRole('button', { name: LAB, exact: true })).toHaveCount(0)
    await expect(row(rex, SREP.title)).toHaveCount(0)
    const stored = await rex.evaluate(async () => (await indexedDB.databases()).map(d => d.name ?? ''))
    expect(stored.filter(name => name.includes('neuroref-group-'))).toEqual([])
    expect(stored).toContain('neuroref')

    // on the server nothing changed: Wendy keeps both papers
    expect(await onServer()).toEqual(serverCopy)
    expect(serverCopy.filter(doc => doc.startsWith('paper:'))).toHaveLength(2)
    await expect(row(wendy, SREP.title)).toHaveCount(1)
    await expect(row(wendy, PLOS.title)).toHaveCount(1)
  } finally {
    await wendysComputer.stop()
    await rexsComputer.stop()
  }
})
