// The researcher's own layer on a paper, in the item pane: reading status
// and rating, tags, and the note.
import type { Item } from '@shared/model'
import { ReadingStatus } from './ReadingStatus'
import { ItemTags } from './ItemTags'
import { ItemNote } from './ItemNote'
import './organise.css'

export function OrganiseSections({ item }: { item: Item }) {
  return (
    <>
      <ReadingStatus item={item} />
      <ItemTags item={item} />
      <ItemNote key={item.id} itemId={item.id} />
    </>
  )
}
