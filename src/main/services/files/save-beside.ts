// A formatted manuscript is saved beside the original, never over it nor over
// any other file: "Draft (APA 7th edition).docx", and when that name is
// taken "Draft (APA 7th edition) 2.docx", "… 3.docx" and so on. Only a plain
// file name in the original's folder is accepted.
import * as fsp from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { ServiceError } from '@shared/result'
import { writeNewFileAtomically, type NewFileFs } from './atomic-write'

/** Enough numbered names for any folder a researcher keeps; past them something else is wrong. */
const MAX_NUMBER = 999

/** "Draft (APA).docx", 2 → "Draft (APA) 2.docx"; the first try is the name itself. */
function numberedName(name: string, number: number): string {
  if (number <= 1) return name
  const dot = name.lastIndexOf('.')
  return dot > 0 ? `${name.slice(0, dot)} ${number}${name.slice(dot)}` : `${name} ${number}`
}

/** The name, if it is a plain file name that stays in the folder; a sentence otherwise. */
function checkedName(folder: string, name: string): string {
  const plain = name === basename(name) && !/[\\/]/.test(name) && !isAbsolute(name) && name !== '.' && name !== '..' && name.trim() !== ''
  if (!plain || dirname(resolve(folder, name)) !== resolve(folder)) {
    throw new ServiceError('INVALID_INPUT', `“${name}” is not a file name in the folder of the original document: nothing was written.`)
  }
  return name
}

/** Writes the bytes under the first free name in the folder; returns the file's path. */
export async function saveBeside(folder: string, name: string, bytes: Uint8Array, fs: NewFileFs = fsp): Promise<string> {
  const wanted = checkedName(folder, name)
  for (let number = 1; number <= MAX_NUMBER; number++) {
    const path = join(folder, numberedName(wanted, number))
    try {
      await writeNewFileAtomically(path, bytes, fs)
      return path
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') continue
      const reason = code === 'EACCES' || code === 'EPERM' ? 'Neuroref may not write there' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message
      throw new ServiceError('IO', `The formatted copy could not be saved in ${folder}: ${reason}. The original is unchanged.`)
    }
  }
  throw new ServiceError('IO', `The formatted copy was not saved: ${folder} already has ${MAX_NUMBER} files named “${wanted}”.`)
}
