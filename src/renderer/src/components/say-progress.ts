// A long change's progress on the status line ("Tagging 100,000 papers… 40 %"),
// for changes of many papers: a few are done before a sentence could be read.
import { seldom, type Progress } from '../library/write-progress'
import type { Notify } from './notify'

/** from how many papers a change says how far it has got */
const MANY = 1_000

/** What to hand a change of `papers` papers so that it says how far it has got, as `doing` ("Tagging 100,000 papers"). */
export function sayProgress(notify: Notify, doing: string, papers: number): Progress | undefined {
  if (papers < MANY) return undefined
  return seldom(done => notify({ kind: 'info', text: `${doing}… ${Math.floor(done * 100)} %` }))
}
