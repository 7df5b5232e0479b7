// Which library this window shows: the researcher's own, or one of the lab
// libraries (groups) they joined. Each is its own Dexie database (its own
// items, collections, tags, notes, change log) with its own sync replica; the
// composition root opens the one chosen here, so everything else works on
// "the library" unchanged. Switching library reloads the window.
// The list of lab libraries is kept in localStorage: names only, no secrets.

export interface LabLibrary {
  /** the server database, neuroref-group-<slug> (sync/groups.ts) */
  database: string
  name: string
}

export type OpenLibrary = { kind: 'personal'; dexieName: string } | ({ kind: 'lab'; dexieName: string } & LabLibrary)

const LABS = 'neuroref.labLibraries'
const CHOSEN = 'neuroref.openLibrary'

const PERSONAL_DEXIE = 'neuroref'

/** The IndexedDB database of a library: the personal one keeps its historical name. */
export function dexieNameOf(database: string | undefined): string {
  return database ? `neuroref-lab:${database}` : PERSONAL_DEXIE
}

export function labLibraries(): LabLibrary[] {
  try {
    const list = JSON.parse(localStorage.getItem(LABS) ?? '[]') as unknown
    return Array.isArray(list) ? list.filter((l): l is LabLibrary => typeof l?.database === 'string' && typeof l?.name === 'string') : []
  } catch {
    return []
  }
}

export function rememberLab(lab: LabLibrary): void {
  localStorage.setItem(LABS, JSON.stringify([...labLibraries().filter(l => l.database !== lab.database), { database: lab.database, name: lab.name }]))
}

/** Takes a lab library off this computer's list (leaving it: features/labs/leave-lab.ts). */
export function forgetLab(database: string): void {
  localStorage.setItem(LABS, JSON.stringify(labLibraries().filter(l => l.database !== database)))
}

/** The library this window opens (kept per tab, so a reload stays in it). */
export function chosenLibrary(): OpenLibrary {
  const database = sessionStorage.getItem(CHOSEN)
  const lab = labLibraries().find(l => l.database === database)
  return lab ? { kind: 'lab', dexieName: dexieNameOf(lab.database), ...lab } : { kind: 'personal', dexieName: PERSONAL_DEXIE }
}

/** Opens another library: the window reloads with it. */
export function switchLibrary(database: string | undefined): void {
  if (database) sessionStorage.setItem(CHOSEN, database)
  else sessionStorage.removeItem(CHOSEN)
  window.location.reload()
}
