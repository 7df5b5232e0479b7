// The "Tags" section of the item pane: every tag of the paper, marked with
// its kind. Only manual tags can be removed; the others come from the record.
import type { Item } from '@shared/model'
import { itemTags, tagKey, type ItemTag } from '@shared/tags'
import { db } from '../../root'
import { removeTag } from '../../library/tags'
import { AddTagForm, TagLabel, useTagColors } from '../tags'
import { rememberForUndo } from './undo'
import { PeptideTags } from './PeptideTags'

function uniqueTags(item: Item): ItemTag[] {
  const seen = new Map<string, ItemTag>()
  for (const tag of itemTags(item)) if (tag.name) seen.set(tagKey(tag), tag)
  return [...seen.values()]
}

export function ItemTags({ item }: { item: Item }) {
  const colors = useTagColors()
  const tags = uniqueTags(item)

  async function remove(name: string): Promise<void> {
    await removeTag(db, [item.id], name)
    rememberForUndo(`removing the tag “${name}”`, [item])
  }

  return (
    <section aria-label="Tags" className="record-section item-tags">
      <h3>Tags</h3>
      {tags.length === 0 && <p className="muted">No tags yet.</p>}
      <ul className="tag-cloud" aria-label="Tags of this paper">
        {tags.map(tag => {
          const color = tag.kind === 'manual' ? colors.get(tag.name) : undefined
          return (
            <li key={tagKey(tag)} className={`tag-chip tag-${tag.kind}`}>
              <TagLabel kind={tag.kind} name={tag.name} color={color} />
              {tag.kind === 'manual' && (
                <button type="button" className="link-button" aria-label={`Remove tag “${tag.name}”`} onClick={() => void remove(tag.name)}>
                  ×
                </button>
              )}
            </li>
          )
        })}
      </ul>
      <PeptideTags item={item} />
      <AddTagForm itemIds={[item.id]} />
    </section>
  )
}
