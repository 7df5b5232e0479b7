// The file reader (in its worker, or in the window where no worker starts)
// tags the papers it reads with peptides, loading the tagger first: it loads
// on demand (library/peptide-tagger.ts), and this reader has loaded nothing yet.
import { expect, it, vi } from 'vitest'
import type { Item } from '@shared/model'

it('tags the papers of a file it reads before it has tagged any', async () => {
  vi.resetModules()
  const { readAndSend } = await import('./read-file')
  const { itemsFromWire } = await import('./items-wire')
  const bib = '@article{ito2021, title = {Oxytocin receptor signalling in the amygdala}, author = {Ito, Kana}, year = {2021}}'
  const items: Item[] = []
  await readAndSend(
    { name: 'refs.bib', bytes: new TextEncoder().encode(bib) },
    message => message.kind === 'items' && items.push(...itemsFromWire(message.json))
  )
  expect(items.map(item => item.peptideTags?.map(tag => tag.peptide))).toEqual([['Oxytocin']])
})
