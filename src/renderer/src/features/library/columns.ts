// The columns a researcher can show in the item list.
import type { SortColumn } from '../../store/views'

export type ColumnId = 'title' | 'author' | 'year' | 'journal' | 'added' | 'modified' | 'rating' | 'status' | 'key'

export const COLUMNS: Record<ColumnId, { label: string; sort?: SortColumn }> = {
  title: { label: 'Title', sort: 'title' },
  author: { label: 'First author', sort: 'author' },
  year: { label: 'Year', sort: 'year' },
  journal: { label: 'Journal', sort: 'journal' },
  added: { label: 'Date added', sort: 'added' },
  modified: { label: 'Date modified', sort: 'modified' },
  rating: { label: 'Rating', sort: 'rating' },
  status: { label: 'Read', sort: 'status' },
  key: { label: 'Citation key', sort: 'key' }
}

export const DEFAULT_COLUMNS: ColumnId[] = ['title', 'author', 'year', 'journal']

/** Setting: the columns the researcher chose to show. */
export const COLUMNS_SETTING = 'itemList.columns'
