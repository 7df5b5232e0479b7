// The collections as a tree, for the sidebar and the collection pickers.
import type { Collection } from '@shared/model'

export interface CollectionNode {
  collection: Collection
  children: CollectionNode[]
  depth: number
}

const byName = (a: CollectionNode, b: CollectionNode): number =>
  a.collection.name.localeCompare(b.collection.name, undefined, { sensitivity: 'base', numeric: true })

/** Top-level collections with their children, each level sorted by name. */
export function buildTree(collections: readonly Collection[]): CollectionNode[] {
  const known = new Set(collections.map(c => c.id))
  const children = new Map<string | undefined, Collection[]>()
  for (const c of collections) {
    // A collection whose parent is gone shows at top level rather than vanishing.
    const parent = c.parentId !== undefined && known.has(c.parentId) ? c.parentId : undefined
    children.set(parent, [...(children.get(parent) ?? []), c])
  }
  const seen = new Set<string>()
  const grow = (parent: string | undefined, depth: number): CollectionNode[] =>
    (children.get(parent) ?? [])
      .filter(c => !seen.has(c.id) && seen.add(c.id))
      .map(c => ({ collection: c, depth, children: grow(c.id, depth + 1) }))
      .sort(byName)
  return grow(undefined, 1)
}

/** Nodes in reading order; children of collapsed nodes are left out. */
export function flatten(nodes: CollectionNode[], collapsed: ReadonlySet<string> = new Set()): CollectionNode[] {
  const out: CollectionNode[] = []
  const walk = (list: CollectionNode[]): void => {
    for (const node of list) {
      out.push(node)
      if (!collapsed.has(node.collection.id)) walk(node.children)
    }
  }
  walk(nodes)
  return out
}
