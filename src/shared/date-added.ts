// The library's order by date added, ties broken by id so that it is one order whatever order the papers came in: the
// saved light form is kept in it (the window then takes it as its list by date added without a sort), and an
// automatic export writes its papers in it.

/** Earlier added first; papers added in the same millisecond by id. */
export function byDateAdded(a: { addedAt: number; id: string }, b: { addedAt: number; id: string }): number {
  return a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
