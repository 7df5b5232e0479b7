// Lab libraries on the test server (pouchdb-server in memory, or the Apache
// CouchDB named by NEUROREF_TEST_COUCHDB_URL): a writer creates one and
// invites a reader; the server itself refuses the reader's writes and says why.
// Its admin removes members and changes roles; a lab always keeps one admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import MemoryAdapter from 'pouchdb-adapter-memory'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { createHash } from 'node:crypto'
import { downloadFile, filesDatabaseOf, uploadFile } from './files'
import { createGroup, groupDatabase, inviteMember, readGroup, removeMember, roleOf, type GroupServer } from './groups'
import { addPouchPlugin, openReplica, remoteDatabase } from './replica'
import { CouchSession } from './session'

addPouchPlugin(MemoryAdapter)

let couch: TestCouch
let run = 0
beforeAll(async () => {
  couch = await startTestCouch()
  // the lab's PI may create databases (on CouchDB 3 only server admins may); the others are ordinary users
  await couch.createServerAdmin('wendy', 'wendy-password')
  await couch.createUser('rex', 'rex-password')
  await couch.createUser('olga', 'olga-password')
})
afterAll(() => couch?.close())

async function as(user: string): Promise<GroupServer> {
  const session = new CouchSession({ server: couch.url, user, password: `${user}-password` })
  await session.login()
  return { server: session.server, fetch: session.fetch }
}

const labName = (): string => `Smith lab ${process.pid} ${++run} ${Date.now()}`

async function put(server: GroupServer, database: string, id: string): Promise<Response> {
  return server.fetch(`${server.server}/${database}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'paper', schema: 1, data: { id } })
  })
}

describe('lab libraries on the server', () => {
  it('names the database after the lab', () => {
    expect(groupDatabase('Smith Lab — Neuropeptides!')).toBe('neuroref-group-smith-lab-neuropeptides')
    expect(groupDatabase('Ørsted')).toBe('neuroref-group-rsted')
    expect(groupDatabase('***')).toBe('neuroref-group-lab')
  })

  it('lets the writer write and refuses the reader, in words, on the server', async () => {
    const wendy = await as('wendy')
    const rex = await as('rex')
    const name = labName()
    const created = await createGroup(wendy, name, 'wendy')
    await inviteMember(wendy, created.database, 'rex', 'reader')

    const seen = await readGroup(rex, created.database)
    expect(seen.name).toBe(name)
    expect(roleOf(seen, 'rex')).toBe('reader')
    expect(roleOf(seen, 'wendy')).toBe('admin')

    expect((await put(wendy, created.database, 'paper:one')).status).toBe(201)
    const read = await rex.fetch(`${rex.server}/${created.database}/paper%3Aone`)
    expect(read.status).toBe(200)

    const refused = await put(rex, created.database, 'paper:two')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { reason: string }).reason).toBe(
      `The lab library “${name}” is read-only for rex: ask one of its writers (wendy) to make you a writer.`
    )
  })

  it('refuses a reader’s papers sent by replication, one by one, with the reason', async () => {
    const wendy = await as('wendy')
    const { database } = await createGroup(wendy, labName(), 'wendy')
    await inviteMember(wendy, database, 'rex', 'reader')
    const rex = new CouchSession({ server: couch.url, user: 'rex', password: 'rex-password' })
    await rex.login()
    const replica = openReplica(`groups-${Math.random()}`, 'memory')
    await replica.put({ _id: 'paper:mine', type: 'paper', schema: 1, data: { id: 'mine' } as never })
    const denied: unknown[] = []
    const replication = replica.replicate.to(remoteDatabase(`${couch.url}/${database}`, rex.fetch))
    replication.on('denied', error => denied.push(error))
    const result = (await replication) as { doc_write_failures: number }
    expect(result.doc_write_failures).toBe(1)
    expect(JSON.stringify(denied)).toContain('is read-only for rex')
    expect(await replica.get('paper:mine')).toMatchObject({ data: { id: 'mine' } })
    await replica.destroy()
  })

  it('makes a reader a writer; only an admin of the library may invite; strangers are told they were not invited', async () => {
    const wendy = await as('wendy')
    const rex = await as('rex')
    const olga = await as('olga')
    const { database } = await createGroup(wendy, labName(), 'wendy')
    await inviteMember(wendy, database, 'rex', 'reader')

    await expect(inviteMember(rex, database, 'olga', 'writer')).rejects.toThrow(/Only an admin of this lab library may change its members and their roles/)
    await expect(readGroup(olga, database)).rejects.toThrow(/no lab library .* that you were invited to/)

    await inviteMember(wendy, database, 'rex', 'writer')
    expect(roleOf(await readGroup(rex, database), 'rex')).toBe('writer')
    expect((await put(rex, database, 'paper:three')).status).toBe(201)
  })

  it('keeps the lab’s PDFs for its members only: a reader opens them but cannot send one, a stranger cannot open them', async () => {
    const wendy = await as('wendy')
    const rex = await as('rex')
    const olga = await as('olga')
    const { database } = await createGroup(wendy, labName(), 'wendy')
    await inviteMember(wendy, database, 'rex', 'reader')
    const files = (server: GroupServer): string => `${server.server}/${filesDatabaseOf(database)}`
    const pdf = new TextEncoder().encode(`%PDF-1.4 lab copy ${database}`)
    const hash = createHash('sha256').update(pdf).digest('hex')

    await uploadFile(wendy.fetch, files(wendy), hash, pdf)
    expect(await downloadFile(rex.fetch, files(rex), hash)).toEqual(pdf)
    await expect(downloadFile(olga.fetch, files(olga), hash)).rejects.toThrow(/could not send this PDF \((401|403)\)/)

    const other = new TextEncoder().encode('%PDF-1.4 rex’s own')
    await expect(uploadFile(rex.fetch, files(rex), createHash('sha256').update(other).digest('hex'), other)).rejects.toThrow(/did not take a PDF \(403\)/)
  })

  it('takes a removed reader out: he can no longer read the papers nor the PDFs, and is told he was not invited', async () => {
    const wendy = await as('wendy')
    const rex = await as('rex')
    const { database } = await createGroup(wendy, labName(), 'wendy')
    await inviteMember(wendy, database, 'rex', 'reader')
    expect((await put(wendy, database, 'paper:one')).status).toBe(201)
    const pdf = new TextEncoder().encode(`%PDF-1.4 removed ${database}`)
    const hash = createHash('sha256').update(pdf).digest('hex')
    await uploadFile(wendy.fetch, `${couch.url}/${filesDatabaseOf(database)}`, hash, pdf)
    expect((await rex.fetch(`${rex.server}/${database}/paper%3Aone`)).status).toBe(200)

    const after = await removeMember(wendy, database, 'rex')
    expect(after.members).toEqual(['wendy'])
    expect([401, 403]).toContain((await rex.fetch(`${rex.server}/${database}/paper%3Aone`)).status)
    await expect(readGroup(rex, database)).rejects.toThrow(/There is no lab library “.*” that you were invited to/)
    await expect(downloadFile(rex.fetch, `${couch.url}/${filesDatabaseOf(database)}`, hash)).rejects.toThrow(/\((401|403)\)/)
    // the lab keeps its papers for the others
    expect((await wendy.fetch(`${wendy.server}/${database}/paper%3Aone`)).status).toBe(200)
  })

  it('refuses a removed writer’s change, in the papers and the PDFs', async () => {
    const wendy = await as('wendy')
    const rex = await as('rex')
    const { database } = await createGroup(wendy, labName(), 'wendy')
    await inviteMember(wendy, database, 'rex', 'writer')
    expect((await put(rex, database, 'paper:before')).status).toBe(201)

    await removeMember(wendy, database, 'rex')
    expect([401, 403]).toContain((await put(rex, database, 'paper:after')).status)
    const pdf = new TextEncoder().encode('%PDF-1.4 after removal')
    await expect(uploadFile(rex.fetch, `${couch.url}/${filesDatabaseOf(database)}`, createHash('sha256').update(pdf).digest('hex'), pdf)).rejects.toThrow(
      /\((401|403)\)/
    )
    expect(roleOf(await readGroup(wendy, database), 'rex')).toBeUndefined()
  })

  it('keeps one admin: the last one can neither be removed nor step down until another member is made admin', async () => {
    const wendy = await as('wendy')
    const rex = await as('rex')
    const name = labName()
    const { database } = await createGroup(wendy, name, 'wendy')
    await inviteMember(wendy, database, 'rex', 'writer')

    const onlyOne = `wendy is the only admin of “${name}”, and a lab library needs one: make another member its admin first.`
    await expect(removeMember(wendy, database, 'wendy')).rejects.toThrow(onlyOne)
    await expect(inviteMember(wendy, database, 'wendy', 'writer')).rejects.toThrow(onlyOne)
    await expect(inviteMember(rex, database, 'rex', 'admin')).rejects.toThrow(/Only an admin of this lab library may change its members and their roles/)
    await expect(removeMember(wendy, database, 'olga')).rejects.toThrow(`olga is not a member of “${name}”.`)

    // rex made admin: now he may remove wendy
    await inviteMember(wendy, database, 'rex', 'admin')
    expect(roleOf(await readGroup(rex, database), 'rex')).toBe('admin')
    await removeMember(rex, database, 'wendy')
    const group = await readGroup(rex, database)
    expect(group).toMatchObject({ admins: ['rex'], members: ['rex'], writers: ['rex'] })
    expect((await put(rex, database, 'paper:by-the-new-admin')).status).toBe(201)
  })
})
