// The sidebar's libraries: the researcher's own and the lab libraries they
// created or joined (each opens in this window, which reloads), and the
// forms to create a lab library, join one, and invite members as writers or
// readers. What the server refuses is said in its words.
import { useState, type FormEvent } from 'react'
import { library } from '../../root'
import { labLibraries, rememberLab, switchLibrary } from '../../open-library'
import { createGroup, groupDatabase, inviteMember, readGroup, type GroupRole } from '../../sync/groups'
import { useNotify } from '../../components/notify'
import { labServer } from './lab-server'

const said = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export function LabLibraries() {
  const notify = useNotify()
  const labs = labLibraries()
  const [name, setName] = useState('')
  const [joinName, setJoinName] = useState('')
  const [member, setMember] = useState('')
  const [role, setRole] = useState<GroupRole>('reader')
  const [busy, setBusy] = useState(false)

  async function run(what: () => Promise<void>): Promise<void> {
    setBusy(true)
    try {
      await what()
    } catch (error) {
      notify({ kind: 'error', text: said(error) })
    } finally {
      setBusy(false)
    }
  }

  const create = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const { server, user } = await labServer()
      const made = await createGroup(server, name.trim(), user)
      rememberLab(made)
      switchLibrary(made.database)
    })
  }

  const join = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const { server } = await labServer()
      const typed = joinName.trim()
      const found = await readGroup(server, typed.startsWith('neuroref-group-') ? typed : groupDatabase(typed))
      rememberLab(found)
      switchLibrary(found.database)
    })
  }

  const invite = (event: FormEvent) => {
    event.preventDefault()
    const lab = library
    if (lab.kind !== 'lab') return
    void run(async () => {
      const { server } = await labServer()
      await inviteMember(server, lab.database, member, role)
      notify({ kind: 'info', text: `${member.trim()} may now ${role === 'writer' ? 'read and write' : 'read'} “${lab.name}”.` })
      setMember('')
    })
  }

  return (
    <section className="lab-libraries" aria-label="Libraries">
      <h3>Libraries</h3>
      <ul>
        <li>
          <button
            type="button"
            className={`view-button${library.kind === 'personal' ? ' current' : ''}`}
            aria-current={library.kind === 'personal' ? 'page' : undefined}
            onClick={() => library.kind !== 'personal' && switchLibrary(undefined)}
          >
            My library
          </button>
        </li>
        {labs.map(lab => {
          const here = library.kind === 'lab' && library.database === lab.database
          return (
            <li key={lab.database}>
              <button
                type="button"
                className={`view-button${here ? ' current' : ''}`}
                aria-current={here ? 'page' : undefined}
                onClick={() => !here && switchLibrary(lab.database)}
              >
                {lab.name}
              </button>
            </li>
          )
        })}
      </ul>
      {library.kind === 'lab' && (
        <form aria-label="Invite to this lab library" onSubmit={invite}>
          <input aria-label="User name to invite" placeholder="User name" value={member} onChange={e => setMember(e.target.value)} required />
          <select aria-label="Role" value={role} onChange={e => setRole(e.target.value as GroupRole)}>
            <option value="reader">Reader</option>
            <option value="writer">Writer</option>
          </select>
          <button type="submit" className="small" disabled={busy}>
            Invite
          </button>
        </form>
      )}
      <details>
        <summary>New or join a lab library</summary>
        <form aria-label="New lab library" onSubmit={create}>
          <input aria-label="New lab library name" placeholder="Name, e.g. Smith lab" value={name} onChange={e => setName(e.target.value)} required />
          <button type="submit" className="small" disabled={busy}>
            Create
          </button>
        </form>
        <form aria-label="Join a lab library" onSubmit={join}>
          <input aria-label="Lab library to join" placeholder="Its name" value={joinName} onChange={e => setJoinName(e.target.value)} required />
          <button type="submit" className="small" disabled={busy}>
            Join
          </button>
        </form>
      </details>
    </section>
  )
}
