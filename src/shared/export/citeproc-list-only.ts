// A reference list on its own (a bibliography file, no in-text citations)
// does not need one of citeproc's renderings. While it disambiguates, citeproc
// writes the in-text citation of every paper once more, also of a paper whose
// citation reads like no other's, only to record which given names that
// citation shows. A lone paper has no partner to be told apart from, so that
// record is all the rendering leaves; and a reference list never reads it for
// its names: with disambiguate-add-givenname it asks the name register again
// for each name it writes, and without it never looks (citeproc 1.4.61,
// NameOutput._runDisambigNames and getCite). Under the by-cite rule with
// given names added, an entry's names do read the recorded level (the higher
// of it and the register's): no case was found where the skip changes such a
// list, but the reasoning above does not cover it, so there the rendering is
// kept. In 10,000 synthetic papers in APA, 2,672 of the 10,000 papers are
// alone in their set (real libraries, with fewer shared names, have more).
import CSL from 'citeproc'

interface Disambiguation {
  ambigcites: Record<string, unknown[] | undefined>
  state: { opt: Record<string, unknown>; citation: { opt: Record<string, unknown> } }
}

type InitVars = (this: Disambiguation, akey: string) => boolean

let listOnly = false

/** Runs `run` (citeproc's updateItems for a list that is only a bibliography) without the lone papers' second rendering. */
export function forListOnly<T>(run: () => T): T {
  listOnly = true
  try {
    return run()
  } finally {
    listOnly = false
  }
}

/** Whether the style's entries write given names at the level recorded in disambiguation (by-cite with given names added). */
const namesUseRecordedLevels = ({ opt, citation }: Disambiguation['state']): boolean =>
  !!opt['disambiguate-add-givenname'] && citation.opt['givenname-disambiguation-rule'] === 'by-cite'

/** Installs the skip on citeproc; `isOn` false renders every time, as shipped. */
export function skipLoneCitesInLists(isOn: () => boolean): void {
  const disambiguation = (CSL as unknown as { Disambiguation: { prototype: { initVars: InitVars } } }).Disambiguation.prototype
  const shipped = disambiguation.initVars
  // initVars renders the set's papers and answers whether there is anything to tell apart: for a lone paper, nothing.
  disambiguation.initVars = function (akey) {
    if (listOnly && isOn() && this.ambigcites[akey]?.length === 1 && !namesUseRecordedLevels(this.state)) return false
    return shipped.call(this, akey)
  }
}
