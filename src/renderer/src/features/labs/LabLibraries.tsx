// The sidebar's libraries: the researcher's own and the lab libraries they
// created or joined (each opens in this window, which reloads), the forms to
// create a lab library or join one, and for the open lab library its members
// (invite, change a role, remove) and Leave. What the server refuses is said
// in its words.
import { useState, type FormEvent } from 'react'
import { library } from '../../root'
import { labLibraries, rememberLab, switchLibrary, type LabLibrary } from '../../open-library'
import { createGroup, groupDatabase, readGroup } from '../../sync/groups'
import { useNotify } from '../../components/notify'
import { labServer } from './lab-server'
import { LabMembers } from './LabMembers'
import { LeaveLab } from './LeaveLab'

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
              {here && library.kind === 'lab' && <LeaveLab lab={library} />}
            </li>
          )
        })}
      </ul>
      {library.kind === 'lab' && <LabMembers lab={library} />}
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
