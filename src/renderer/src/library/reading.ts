// Where the researcher is with a paper: read status and a 0–5 star rating.
import type { ReadStatus } from '@shared/model'
import { ServiceError } from '@shared/result'
import type { NeurorefDb } from './schema'
import { changeItems, itemsWithIds, write } from './write'

const READ_STATUSES: ReadStatus[] = ['unread', 'reading', 'read']

export async function setReadStatus(db: NeurorefDb, ids: string[], status: ReadStatus): Promise<void> {
  if (!READ_STATUSES.includes(status)) throw new ServiceError('INVALID_INPUT', 'A paper is unread, being read, or read.')
  const now = Date.now()
  await write(db, [db.items], changes =>
    changeItems(db, changes, itemsWithIds(db, ids), item => {
      item.readStatus = status
      item.modifiedAt = now
    })
  )
}

/** 0 clears the rating. */
export async function setRating(db: NeurorefDb, ids: string[], rating: number): Promise<void> {
  if (!Number.isInteger(rating) || rating < 0 || rating > 5) throw new ServiceError('INVALID_INPUT', 'A rating is 0 to 5 stars.')
  const now = Date.now()
  await write(db, [db.items], changes =>
    changeItems(db, changes, itemsWithIds(db, ids), item => {
      if (rating) item.rating = rating
      else delete item.rating
      item.modifiedAt = now
    })
  )
}
