// A restored library's saved search index and light form, made from its rows as the restore writes them
// (library-pages.ts), so the window opens it as it opens a library again, from the form and the saved index, and
// not as a first open: every row read and every paper tokenised again, ~80 s at 100,000 papers before a search
// answered from the index. Both are marked current to the change log as it was when the tables were emptied, and to
// this restore (change-log.ts, `CurrentTo`): its "library restored" entry changes nothing for them, and any change
// logged after the tables were emptied is caught up from the log as usual. No marker names them before they are
// committed, at the end: a restore cut short leaves none (the old ones went with the old rows), so the next open
// reads every row and builds both again.
// A backup's forms can be made elsewhere from its file, read again by a second worker while the first writes the rows
// (`formsOfPages`; features/backup/restored-forms.worker.ts): tokenising 100,000 papers and packing their light copies
// took the one worker ≈ 50 s under load, on top of writing the rows.
// The light form is saved by date added, as the index job saves one (light-form-job.ts), whatever order the backup holds
// its papers in (by id): the window then takes the papers as they come as its list by date added, where it sorted
// 100,000 of them (~70 ms) at the first opening of a restored library.
import type { Item, ItemBasics, Note } from '@shared/model'
import { byDateAdded } from '@shared/date-added'
import { createSearchIndex } from '@shared/search/index'
import type { CurrentTo } from './change-log'
import { notesOf } from './index-job'
import { basics } from './item-basics'
import { LightFormWriter, PAPERS_PER_PART, type LightWriteOptions } from './light-form'
import type { RowPage } from './library-pages'
import { writeSavedIndex } from './saved-index'
import type { NeurorefDb } from './schema'

/** Where a restore's forms begin, read as the tables were emptied: the light form's generation, and what both are current to. */
export interface FormsStart {
  generation: number
  at: CurrentTo
}

/** What makes a restore's forms while its rows are written (library-pages.ts, `replaceRows`): each page written, then once every one is. */
export interface FormsMaking {
  take(page: RowPage): Promise<void>
  commit(): Promise<void>
}

export type MakeForms = (start: FormsStart) => FormsMaking

/** The forms made here from the pages written. */
export const formsHere =
  (db: NeurorefDb, light?: LightWriteOptions): MakeForms =>
  start =>
    new RestoredForms(db, start.generation, start.at, light)

/**
 * The forms of the same rows made from their own reading of the backup (`pages`), beside the worker writing them:
 * taken as they come, saved once `rowsWritten` says every row is stored (the papers with notes are read back then).
 */
export async function formsOfPages(db: NeurorefDb, pages: AsyncIterable<RowPage>, start: FormsStart, rowsWritten: Promise<void>): Promise<void> {
  const forms = new RestoredForms(db, start.generation, start.at)
  for await (const page of pages) await forms.take(page)
  await rowsWritten
  await forms.commit()
}

class RestoredForms implements FormsMaking {
  private index = createSearchIndex()
  private light: LightFormWriter
  /** the light copies, kept to be saved by date added once every page is in */
  private papers: ItemBasics[] = []
  private noted = new Set<string>()

  constructor(
    private db: NeurorefDb,
    lightGeneration: number,
    private at: CurrentTo,
    light?: LightWriteOptions
  ) {
    this.light = new LightFormWriter(db, lightGeneration, light)
  }

  /** A page of rows just written. */
  async take(page: RowPage): Promise<void> {
    if (page.table === 'notes') for (const note of page.rows as Note[]) this.noted.add(note.itemId)
    if (page.table !== 'items') return
    const items = page.rows as Item[]
    for (const item of items) {
      this.index.add(item)
      this.papers.push(basics(item))
    }
  }

  /** Once every row is written: the index saved, then the form. */
  async commit(): Promise<void> {
    // a backup's notes come after its papers: the papers with notes are indexed again with them, joined as the index job joins them
    const ids = [...this.noted]
    const [items, notes] = await Promise.all([this.db.items.bulkGet(ids), notesOf(this.db, ids)])
    for (const item of items) if (item) this.index.update(item, notes.get(item.id))
    await writeSavedIndex(this.db, this.index.snapshot(), this.at.seq, { restore: this.at.restore })
    const papers = this.papers.sort(byDateAdded)
    for (let start = 0; start < papers.length; start += PAPERS_PER_PART) await this.light.add(papers.slice(start, start + PAPERS_PER_PART))
    await this.light.commit(this.at)
  }
}
