// The roles in a lab library, in the researcher's words (sync/groups.ts says what each may do).
import type { GroupRole } from '../../sync/groups'

export const ROLES: { role: GroupRole; label: string }[] = [
  { role: 'reader', label: 'Reader' },
  { role: 'writer', label: 'Writer' },
  { role: 'admin', label: 'Admin' }
]
