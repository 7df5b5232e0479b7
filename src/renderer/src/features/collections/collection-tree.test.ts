// The tree the sidebar shows: sorted like a researcher reads names, nested,
// and no collection lost when its parent is missing.
import { describe, expect, it } from 'vitest'
import type { Collection } from '@shared/model'
import { buildTree, flatten } from './collection-tree'

const c = (id: string, name: string, parentId?: string): Collection => ({ id, name, parentId, createdAt: 0 })

const library = [
  c('npy', 'NPY'),
  c('ot', 'oxytocin'),
  c('ot-10', 'Study 10', 'ot'),
  c('ot-2', 'Study 2', 'ot'),
  c('ot-2-a', 'Amygdala', 'ot-2'),
  c('crf', 'CRF'),
  c('lost', 'Orphan', 'deleted-parent')
]

describe('collection tree', () => {
  it('nests children under parents, each level by name (case-blind, numbers in order)', () => {
    const rows = flatten(buildTree(library)).map(n => `${'  '.repeat(n.depth - 1)}${n.collection.name}`)
    expect(rows).toEqual(['CRF', 'NPY', 'Orphan', 'oxytocin', '  Study 2', '    Amygdala', '  Study 10'])
  })

  it('leaves out the children of collapsed collections', () => {
    const rows = flatten(buildTree(library), new Set(['ot-2'])).map(n => n.collection.id)
    expect(rows).toEqual(['crf', 'npy', 'lost', 'ot', 'ot-2', 'ot-10'])
  })
})
