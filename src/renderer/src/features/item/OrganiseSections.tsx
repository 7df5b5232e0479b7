// The researcher's own layer on a paper, in the item pane: reading status
// and rating, tags, and the note.
import type { Item } from '../../../../shared/model'
import type { Message } from '../../components/StatusMessage'
import { ReadingStatus } from './ReadingStatus'
import { ItemTags } from './ItemTags'
import { ItemNote } from './ItemNote'
import './organise.css'

export function OrganiseSections({ item, onMessage }: { item: Item; onMessage: (m: Message) => void }) {
  return (
    <>
      <ReadingStatus item={item} onMessage={onMessage} />
      <ItemTags item={item} onMessage={onMessage} />
      <ItemNote key={item.id} itemId={item.id} onMessage={onMessage} />
    </>
  )
}
