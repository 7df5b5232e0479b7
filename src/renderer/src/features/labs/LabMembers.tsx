// The open lab library's members: its admins invite someone, change a
// member's role or remove them (sync/groups.ts writes both the papers and the
// PDFs database); the others see who is in it. What the server refuses is
// said in its words.
import { useState, type FormEvent } from 'react'
import type { LabLibrary } from '../../open-library'
import { inviteMember, readGroup, removeMember, roleOf, type GroupInfo, type GroupRole, type GroupServer } from '../../sync/groups'
import { useNotify } from '../../components/notify'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { labServer } from './lab-server'
import { ROLES } from './roles'

const said = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export function LabMembers({ lab }: { lab: LabLibrary }) {
  const notify = useNotify()
  const [member, setMember] = useState('')
  const [role, setRole] = useState<GroupRole>('reader')
  const [busy, setBusy] = useState(false)
  const [group, setGroup] = useState<GroupInfo>()
  const [me, setMe] = useState('')
  const [removing, setRemoving] = useState<string>()

  /** One change on the server; the list shows the members as they are after it. */
  async function run(change: (server: GroupServer) => Promise<GroupInfo>, done?: (group: GroupInfo) => void): Promise<void> {
    setBusy(true)
    try {
      const { server, user } = await labServer()
      const after = await change(server)
      setMe(user)
      setGroup(after)
      done?.(after)
    } catch (error) {
      notify({ kind: 'error', text: said(error) })
    } finally {
      setBusy(false)
    }
  }

  const invite = (event: FormEvent) => {
    event.preventDefault()
    const name = member.trim()
    void run(
      server => inviteMember(server, lab.database, name, role),
      () => {
        notify({ kind: 'info', text: `${name} may now ${role === 'reader' ? 'read' : 'read and write'} “${lab.name}”.` })
        setMember('')
      }
    )
  }

  const remove = (name: string) => {
    setRemoving(undefined)
    void run(
      server => removeMember(server, lab.database, name),
      () => notify({ kind: 'info', text: `${name} is no longer a member of “${lab.name}”.` })
    )
  }

  const everyone = group ? [...new Set([...group.admins, ...group.members])].sort() : []
  const isAdmin = Boolean(group?.admins.includes(me))
  return (
    <>
      <form aria-label="Invite to this lab library" onSubmit={invite}>
        <input aria-label="User name to invite" placeholder="User name" value={member} onChange={e => setMember(e.target.value)} required />
        <select aria-label="Role" value={role} onChange={e => setRole(e.target.value as GroupRole)}>
          {ROLES.map(r => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit" className="small" disabled={busy}>
          Invite
        </button>
      </form>
      <details onToggle={e => e.currentTarget.open && void run(server => readGroup(server, lab.database))}>
        <summary>Members</summary>
        <ul aria-label="Members">
          {everyone.map(name => (
            <li key={name}>
              <span>{name === me ? `${name} (you)` : name}</span>
              <select
                aria-label={`Role of ${name}`}
                value={group && roleOf(group, name)}
                disabled={!isAdmin || busy}
                onChange={e => void run(server => inviteMember(server, lab.database, name, e.target.value as GroupRole))}
              >
                {ROLES.map(r => (
                  <option key={r.role} value={r.role}>
                    {r.label}
                  </option>
                ))}
              </select>
              {isAdmin && (
                <button type="button" className="small" aria-label={`Remove ${name}`} disabled={busy} onClick={() => setRemoving(name)}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      </details>
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing} from “${lab.name}”?`}
          confirmLabel="Remove"
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(undefined)}
        >
          <p>
            {removing} will no longer be able to read or write its papers and PDFs. What is already on their computer stays there until they leave the lab
            library. Inviting them again undoes this.
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}
