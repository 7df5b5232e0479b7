// A lab library synced by the engine for two users, a writer and a reader,
// through the test server: each paper says who added and who last edited
// it; the reader's own additions are refused by the server, said in its
// words, and kept on the reader's computer. A member removed from the lab
// is told so when the engine next connects.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { addRecordsToLibrary } from '../library/add-paper'
import { formOf, saveEdit } from '../library/edit'
import type { NeurorefDb } from '../library/schema'
import { engineComputer, until } from './computers.test-support'
import type { SyncEngine } from './engine'
import { createGroup, inviteMember, removeMember, type GroupServer } from './groups'
import { CouchSession } from './session'
import { statusText } from './status'

let couch: TestCouch
const cleanups: (() => Promise<unknown>)[] = []
beforeAll(async () => {
  couch = await startTestCouch()
  await couch.createServerAdmin('wendy', 'wendy-password')
  await couch.createUser('rex', 'rex-password')
})
afterAll(() => couch?.close())
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function member(user: string, database: string): Promise<{ db: NeurorefDb; engine: SyncEngine }> {
  const { db, engine } = engineComputer(cleanups, { signEdits: true })
  await engine.start({ server: couch.url, database, user, password: `${user}-password` })
  return { db, engine }
}

async function asWendy(): Promise<GroupServer> {
  const session = new CouchSession({ server: couch.url, user: 'wendy', password: 'wendy-password' })
  await session.login()
  return { server: session.server, fetch: session.fetch }
}

async function lab(): Promise<string> {
  const server = await asWendy()
  const { database } = await createGroup(server, `Engine lab ${Math.random()}`, 'wendy')
  await inviteMember(server, database, 'rex', 'reader')
  return database
}

const paper = (title: string) => ({ csl: { type: 'article-journal', title }, sources: ['manual' as const] })

describe('a lab library, synced', () => {
  it('names who added and who last edited each paper, on both computers', async () => {
    const database = await lab()
    const wendy = await member('wendy', database)
    const rex = await member('rex', database)
    const [{ item }] = await addRecordsToLibrary(wendy.db, [paper('Vasopressin and pair bonding')])
    await until(async () => (await rex.db.items.get(item.id))?.addedBy === 'wendy', 'the paper on the reader’s computer, added by wendy')
    expect(await rex.db.items.get(item.id)).toMatchObject({ addedBy: 'wendy', editedBy: 'wendy', csl: { title: 'Vasopressin and pair bonding' } })
    await until(async () => (await wendy.db.items.get(item.id))?.addedBy === 'wendy', 'the writer’s own copy learns its names too')
    await until(() => wendy.engine.status.state === 'synced' && wendy.engine.status.waiting === 0, 'the writer synced')

    await inviteMember(await asWendy(), database, 'rex', 'writer')
    await saveEdit(rex.db, item.id, { ...formOf((await rex.db.items.get(item.id))!), title: 'Vasopressin and pair bonding in voles' })
    await until(
      async () => (await wendy.db.items.get(item.id))?.csl.title === 'Vasopressin and pair bonding in voles',
      'the new writer’s edit on the writer’s computer'
    )
    await until(async () => (await wendy.db.items.get(item.id))?.editedBy === 'rex', 'last edited by rex')
    expect(await wendy.db.items.get(item.id)).toMatchObject({ addedBy: 'wendy', editedBy: 'rex' })
  })

  it('refuses what a reader adds or edits, says why in the server’s words, and keeps it on the reader’s computer', async () => {
    const database = await lab()
    const wendy = await member('wendy', database)
    const rex = await member('rex', database)
    const [{ item }] = await addRecordsToLibrary(wendy.db, [paper('Oxytocin receptor mapping')])
    await until(async () => (await rex.db.items.get(item.id)) !== undefined, 'the writer’s paper on the reader’s computer')

    const [{ item: mine }] = await addRecordsToLibrary(rex.db, [paper('A reader’s paper')])
    await until(() => (rex.engine.status.refused ?? 0) > 0, 'the server refuses the reader’s paper')
    expect(statusText(rex.engine.status)).toMatch(
      /The server refused 1 change, kept on this computer: The lab library “Engine lab [\d.]+” is read-only for rex: ask one of its writers \(wendy\) to make you a writer/
    )
    expect((await rex.db.items.get(mine.id))?.csl.title).toBe('A reader’s paper')

    await saveEdit(rex.db, item.id, { ...formOf((await rex.db.items.get(item.id))!), title: 'Edited by a reader' })
    await until(() => rex.engine.status.refused === 2, 'the reader’s edit is refused as well')
    expect((await rex.db.items.get(item.id))?.csl.title).toBe('Edited by a reader')

    // the writer's library never saw either
    await addRecordsToLibrary(wendy.db, [paper('After the refusals')])
    await until(async () => (await rex.db.items.count()) === 3, 'the writer’s next paper still reaches the reader')
    expect((await wendy.db.items.get(item.id))?.csl.title).toBe('Oxytocin receptor mapping')
    expect(await wendy.db.items.get(mine.id)).toBeUndefined()
  })

  it('tells a member removed from the lab library, in words, at once and when it next connects, and keeps their library as it is', async () => {
    const database = await lab()
    const rex = await member('rex', database)
    await until(() => rex.engine.status.state === 'synced', 'the reader synced')
    await addRecordsToLibrary(rex.db, [paper('Kept on the removed reader’s computer')])
    await removeMember(await asWendy(), database, 'rex')

    const removed = `rex is not a member of “${database}” on the server: ask its admin to add rex. A lab library you were removed from can be left (Leave, beside its name) to delete it from this computer.`
    // (followed by the change the server has not got: the reader's paper)
    await until(() => statusText(rex.engine.status).includes(removed), 'the removed reader told so while connected')
    expect(statusText(await rex.engine.start({ server: couch.url, database, user: 'rex', password: 'rex-password' }))).toContain(removed)
    expect(await rex.db.items.count()).toBe(1)
  })
})
