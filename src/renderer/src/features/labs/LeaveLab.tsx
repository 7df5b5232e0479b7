// "Leave" on the open lab library's entry: after a confirmation that says
// what happens, the lab is deleted from this computer (leave-lab.ts) and the
// window returns to My library. The lab's only admin is asked to make
// another member its admin first, so the lab keeps someone who can invite
// and remove members.
import { useState } from 'react'
import { db, syncEngine } from '../../root'
import { switchLibrary, type LabLibrary } from '../../open-library'
import { readGroup } from '../../sync/groups'
import { useNotify } from '../../components/notify'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { labServer } from './lab-server'
import { leaveLabHere } from './leave-lab'

/** The only admin of a lab with other members may not leave; undefined when they may (or the server cannot say). */
async function onlyAdmin(lab: LabLibrary): Promise<{ others: boolean } | undefined> {
  try {
    const { server, user } = await labServer()
    const group = await readGroup(server, lab.database)
    if (group.admins.length !== 1 || group.admins[0] !== user) return undefined
    return { others: group.members.some(m => m !== user) }
  } catch {
    // offline, no account, or no longer a member: leaving this computer needs no server
    return undefined
  }
}

export function LeaveLab({ lab }: { lab: LabLibrary }) {
  const notify = useNotify()
  const [asking, setAsking] = useState<{ admin: boolean }>()
  const [busy, setBusy] = useState(false)

  const ask = async (): Promise<void> => {
    setBusy(true)
    const admin = await onlyAdmin(lab)
    setBusy(false)
    if (admin?.others)
      return notify({
        kind: 'error',
        text: `You are the only admin of “${lab.name}”: make another member its admin first (Members), so someone can still invite and remove members.`
      })
    setAsking({ admin: Boolean(admin) })
  }

  const leave = async (): Promise<void> => {
    setAsking(undefined)
    setBusy(true)
    try {
      await syncEngine.stop()
      db.close()
      await leaveLabHere(lab.database)
      switchLibrary(undefined)
    } catch (error) {
      setBusy(false)
      notify({ kind: 'error', text: `“${lab.name}” could not be deleted from this computer: ${error instanceof Error ? error.message : String(error)}` })
    }
  }

  return (
    <>
      <button type="button" className="small" aria-label={`Leave “${lab.name}”`} disabled={busy} onClick={() => void ask()}>
        Leave
      </button>
      {asking && (
        <ConfirmDialog title={`Leave “${lab.name}”?`} confirmLabel="Leave" onConfirm={() => void leave()} onCancel={() => setAsking(undefined)}>
          <p>
            Its papers, notes, collections and tags are deleted from this computer, with any change not yet sent to the server (copy a paper to My library first
            to keep it), and the window goes back to My library.
          </p>
          <p>
            The lab library on the server is not touched: its other members keep everything.{' '}
            {asking.admin ? 'You stay its admin there, and can join it again.' : 'You stay a member until its admin removes you, and can join it again.'}
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}
