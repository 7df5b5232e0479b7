// The sidebar's libraries: the researcher's own and the lab libraries they
// created or joined (each opens in this window, which reloads), and the
// forms to create a lab library, join one, and invite members as writers or
// readers. What the server refuses is said in its words.
import { useState, type FormEvent } from 'react'
import { library } from '../../root'
import { labLibraries, rememberLab, switchLibrary, type LabLibrary } from '../../open-library'
import { createGroup, groupDatabase, inviteMember, readGroup, type GroupRole } from '../../sync/groups'
import { useNotify } from '../../components/notify'
import { labServer } from './lab-server'

const said = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Remembers a lab library and opens it (the window reloads). */
function openLab(lab: LabLibrary): void {
  rememberLab(lab)
  switchLibrary(lab.database)
}

export function LabLibraries() {
  const notify = useNotify()
  // the researcher's own library has no lab database
  const shown: { database?: string; name: string }[] = [{ name: 'My library' }, ...labLibraries()]
  const open = library.kind === 'lab' ? library.database : undefined
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

  const create = (name: string) =>
    void run(async () => {
      const { server, user } = await labServer()
      openLab(await createGroup(server, name, user))
    })

  const join = (typed: string) =>
    void run(async () => {
      const { server } = await labServer()
      openLab(await readGroup(server, typed.startsWith('neuroref-group-') ? typed : groupDatabase(typed)))
    })

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
        {shown.map(lab => {
          const here = lab.database === open
          return (
            <li key={lab.database ?? ''}>
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
        <NameForm form="New lab library" field="New lab library name" placeholder="Name, e.g. Smith lab" button="Create" busy={busy} onName={create} />
        <NameForm form="Join a lab library" field="Lab library to join" placeholder="Its name" button="Join" busy={busy} onName={join} />
      </details>
    </section>
  )
}

/** One name typed, one button: creating or joining a lab library. */
function NameForm(props: { form: string; field: string; placeholder: string; button: string; busy: boolean; onName: (name: string) => void }) {
  const [name, setName] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onName(name.trim())
  }
  return (
    <form aria-label={props.form} onSubmit={submit}>
      <input aria-label={props.field} placeholder={props.placeholder} value={name} onChange={e => setName(e.target.value)} required />
      <button type="submit" className="small" disabled={props.busy}>
        {props.button}
      </button>
    </form>
  )
}
