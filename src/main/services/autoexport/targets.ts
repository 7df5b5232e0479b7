// Auto-export targets: .bib files the researcher bound to a collection, which
// Neuroref keeps rewriting as the collection changes. Main keeps the list in
// `<dataDir>/export-targets.json`; the renderer only ever names a target by
// its id, so no path from the renderer reaches the disk unchecked.
// Every write is atomic and flushed (writeFileAtomically), so a reader
// (LaTeX, a sync client) never sees half a file; and every write first checks
// the real path again (target-file.ts), so a researcher's own file is never
// replaced without their confirmation.
import { randomUUID } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { constants } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { AutoExportTarget } from '@shared/contract'
import { ServiceError } from '@shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import { checkUnchanged, existingFile, keepCopy, sameRealFolder, sha256, type WrittenFingerprint } from './target-file'

/** The registry's record: what the renderer sees (the contract's AutoExportTarget) and what main checks before each write. */
export interface ExportTarget extends AutoExportTarget {
  /** the folder's real path when the file was added; every write checks it again */
  realFolder?: string
  /** what Neuroref last wrote, to notice edits by another program */
  written?: WrittenFingerprint
  /** the file existed and the researcher confirmed that Neuroref may replace it */
  takenOver?: boolean
  /** where the researcher's own file was copied before it was taken over */
  backupPath?: string
}

/** An existing file is only taken over when `add` is called again with `replaceExisting` naming it. */
export type AddOutcome = { target: ExportTarget } | { existing: { path: string; size: number; modifiedAt: number } }

export interface ExportTargetsOptions {
  dataDir: string
  /** file operations; tests replace one to make a write fail */
  fs?: Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'readFile' | 'mkdir' | 'stat' | 'lstat' | 'access' | 'realpath' | 'copyFile'>
  now?: () => number
}

export interface ExportTargets {
  list(): Promise<ExportTarget[]>
  /**
   * Checks the path and registers it; the file is written by the first `write`.
   * A file already there is only taken over when `replaceExisting` names it
   * (the researcher confirmed); otherwise the answer describes it, to ask.
   */
  add(path: unknown, replaceExisting?: unknown): Promise<AddOutcome>
  write(id: string, content: string): Promise<{ writtenAt: number }>
  remove(id: string): Promise<void>
}

const REGISTRY = 'export-targets.json'

export function createExportTargets({ dataDir, fs = fsp, now = Date.now }: ExportTargetsOptions): ExportTargets {
  const registryPath = join(dataDir, REGISTRY)
  // Changes to the registry run one after another, so two writes never lose each other's record.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  async function load(): Promise<ExportTarget[]> {
    let text: string
    try {
      text = await fs.readFile(registryPath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw new ServiceError('IO', `Neuroref could not read its list of auto-export files (${reason(error)}).`)
    }
    try {
      const parsed: unknown = JSON.parse(text)
      return Array.isArray(parsed) ? parsed.filter(isTarget) : []
    } catch {
      throw new ServiceError('IO', `Neuroref's list of auto-export files (${registryPath}) is damaged.`)
    }
  }

  async function save(targets: ExportTarget[]): Promise<void> {
    await fs.mkdir(dataDir, { recursive: true })
    await writeFileAtomically(registryPath, `${JSON.stringify(targets, null, 2)}\n`, fs)
  }

  async function find(id: unknown): Promise<{ targets: ExportTarget[]; target: ExportTarget }> {
    const targets = await load()
    const target = targets.find(t => t.id === id)
    if (!target) throw new ServiceError('NOT_FOUND', 'This auto-export file is no longer registered.')
    return { targets, target }
  }

  return {
    list: () => serial(load),

    add: (path, replaceExisting) =>
      serial(async () => {
        const checked = await checkTargetPath(path, dataDir, fs)
        const targets = await load()
        if (targets.some(t => t.path === checked)) {
          throw new ServiceError('INVALID_INPUT', `${checked} is already an auto-export file.`)
        }
        const realFolder = await fs.realpath(dirname(checked))
        const real = join(realFolder, basename(checked))
        const existing = await existingFile(real, fs)
        const target: ExportTarget = { id: randomUUID(), path: checked, addedAt: now(), realFolder }
        if (existing) {
          if (replaceExisting !== checked) return { existing: { path: checked, size: existing.size, modifiedAt: existing.mtimeMs } }
          target.takenOver = true
          target.backupPath = await keepCopy(real, fs)
        }
        await save([...targets, target])
        return { target }
      }),

    write: (id, content) =>
      serial(async () => {
        const { targets, target } = await find(id)
        try {
          target.realFolder ??= await fs.realpath(dirname(target.path)) // registered by an earlier version
          const real = await sameRealFolder(target.path, target.realFolder, fs)
          await checkUnchanged(target.path, real, target.written, !!target.takenOver, fs)
          await writeFileAtomically(real, content, fs)
          const info = await fs.stat(real)
          target.written = { size: info.size, mtimeMs: info.mtimeMs, sha256: sha256(content) }
        } catch (error) {
          target.lastError = error instanceof ServiceError ? error.message : `Could not write ${target.path}: ${reason(error)}.`
          await save(targets)
          throw error instanceof ServiceError ? error : new ServiceError('IO', target.lastError)
        }
        target.lastWrittenAt = now()
        delete target.lastError
        await save(targets)
        return { writtenAt: target.lastWrittenAt }
      }),

    remove: id =>
      serial(async () => {
        const { targets, target } = await find(id)
        await save(targets.filter(t => t !== target))
      })
  }
}

/**
 * A path the researcher typed (web edition) or chose: absolute, a .bib file,
 * in a folder that exists and may be written, and outside Neuroref's own
 * data folder. Returns the normalised path.
 */
export async function checkTargetPath(input: unknown, dataDir: string, fs: ExportTargetsOptions['fs'] & object = fsp): Promise<string> {
  const refuse = (message: string): never => {
    throw new ServiceError('INVALID_INPUT', message)
  }
  if (typeof input !== 'string' || !input.trim()) return refuse('Type the full path of a .bib file.')
  const typed = input.trim()
  if (typed.includes('\0') || typed.length > 4000) return refuse('That is not a file path.')
  if (!isAbsolute(typed)) return refuse(`Give the full path, starting from the top folder (for example /home/you/paper/refs.bib), not “${typed}”.`)
  const path = resolve(typed)
  if (!/\.bib$/i.test(path) || basename(path).length <= 4) return refuse('An auto-export file must end in .bib.')
  const folder = dirname(path)
  const folderStat = await fs.stat(folder).catch(() => null)
  if (!folderStat?.isDirectory()) return refuse(`The folder ${folder} does not exist. Create it first, or choose another one.`)
  await fs.access(folder, constants.W_OK).catch(() => refuse(`Neuroref may not write in the folder ${folder}.`))
  const existing = await fs.stat(path).catch(() => null)
  if (existing && !existing.isFile()) return refuse(`${path} is a folder, not a file.`)
  const realFolder = await fs.realpath(folder)
  const realData = await fs.realpath(dataDir).catch(() => resolve(dataDir))
  if (isInside(realFolder, realData) || isInside(folder, resolve(dataDir))) {
    return refuse('That folder belongs to Neuroref itself (its data folder). Choose a folder of your own.')
  }
  return path
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function isTarget(value: unknown): value is ExportTarget {
  const t = value as ExportTarget
  return !!t && typeof t.id === 'string' && typeof t.path === 'string' && typeof t.addedAt === 'number'
}

/** A file error in words a researcher understands. */
function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'its folder no longer exists'
    case 'EACCES':
    case 'EPERM':
      return 'Neuroref is not allowed to write there'
    case 'ENOSPC':
      return 'the disk is full'
    case 'EROFS':
      return 'the disk is read-only'
    case 'EISDIR':
      return 'there is a folder of that name'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
