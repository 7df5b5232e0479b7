// The window keeps a light copy of every paper: what the list, search, sort,
// facets and duplicates read. The long parts of a record (abstract, its
// sections, references, author details, investigators, grants, related
// records) stay in IndexedDB and are read where a paper is shown, exported,
// cited or written (library/queries.ts: fullItem, fullItems).
import type { Item, ItemBasics, LightItem } from '@shared/model'

/** The mark of a light copy: a function, which IndexedDB cannot store. */
const LIGHT = (): void => undefined

export function lighten(item: Item): LightItem {
  return markLight(basics(item))
}

/** The light copy's fields without its mark: what a worker can send to the window (a function cannot be). */
export function basics(item: Item): ItemBasics {
  const {
    abstractSections: _sections,
    references: _references,
    related: _related,
    investigators: _investigators,
    authorDetails: _authorDetails,
    grants: _grants,
    funders: _funders,
    chemicals: _chemicals,
    coi: _coi,
    titleWords: _titleWords,
    light: _light,
    csl,
    ...kept
  } = item
  const { abstract: _abstract, ...cslKept } = csl
  return { ...kept, csl: cslKept }
}

/** Marks a paper's basics as a light copy (the mark is what keeps IndexedDB from ever storing it). */
export function markLight(item: ItemBasics): LightItem {
  return Object.assign(item, { light: LIGHT })
}
