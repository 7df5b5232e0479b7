// Reference-list entries kept in IndexedDB between sessions: a new session's
// list of the same papers is made from them and reads exactly as one citeproc
// run; a paper edited since, or another style, is formatted anew and the
// researcher sees the edited title.
import { Cite } from '@citation-js/core'
import { describe, expect, it } from 'vitest'
import { BibliographyMaker } from '@shared/export/bibliography-maker'
import { cslRecords } from '@shared/export/csl-items'
import { findStyle } from '@shared/export/styles'
import { fixtureItems } from '../../../../main/services/pubmed/fixture-items.test-support'
import { seedPaper } from '@shared/export/seed-paper.test-support'
import { keptEntriesIn } from './kept-entries'

const records = cslRecords([seedPaper, ...fixtureItems()])
/** Small pieces, so that these few papers are a "long" list made in groups (the app does so above 500 papers). */
const pieceSize = 3

function oneRun(list: typeof records, style: string): string {
  return new Cite(list).format('bibliography', { template: style, lang: findStyle(style)?.locale, format: 'text' })
}

/** A fresh maker on the same database: what the next session of the app starts with. */
function nextSession(name: string) {
  const store = keptEntriesIn(name)
  let written = 0
  const counting = { get: store.get, put: async (rows: Parameters<typeof store.put>[0]) => ((written += rows.length), store.put(rows)) }
  return { maker: new BibliographyMaker({ store: counting, pieceSize }), written: () => written }
}

describe('kept bibliography entries', { timeout: 120_000 }, () => {
  it('make the next session’s list of the same papers without citeproc, as one run would', async () => {
    const name = `kept-${Math.random()}`
    expect(records.length).toBeGreaterThan(pieceSize * 3)
    const first = nextSession(name)
    const made = await first.maker.make({ records, style: 'apa', output: 'text' })
    expect(made).toBe(oneRun(records, 'apa'))
    expect(first.written()).toBeGreaterThan(3)

    const second = nextSession(name)
    const progress: number[] = []
    expect(await second.maker.make({ records, style: 'apa', output: 'text' }, done => void progress.push(done))).toBe(made)
    expect(second.written()).toBe(0)
    expect(progress.at(-1)).toBe(records.length)
  })

  it('show a paper edited since with its new title, and nothing of another style', async () => {
    const name = `kept-${Math.random()}`
    await nextSession(name).maker.make({ records, style: 'apa', output: 'text' })
    const edited = records.map((record, i) => (i === 2 ? { ...record, title: 'Oxytocin, corrected in the item pane' } : record))

    const session = nextSession(name)
    const list = await session.maker.make({ records: edited, style: 'apa', output: 'text' })
    expect(list).toContain('Oxytocin, corrected in the item pane')
    expect(list).not.toContain(String(records[2].title))
    expect(list).toBe(oneRun(edited, 'apa'))
    expect(session.written()).toBe(1) // only the edited paper's group was formatted again

    const chicago = await session.maker.make({ records: edited, style: 'chicago-author-date', output: 'text' })
    expect(chicago).toBe(oneRun(edited, 'chicago-author-date'))
  })

  it('forget the oldest groups beyond their number', async () => {
    const store = keptEntriesIn(`kept-${Math.random()}`, 2)
    const group = (id: string) => ({ entries: [{ id, entry: `${id}.`, sortkeys: [] }], bibstart: '', bibend: '' })
    await store.put([{ key: 'a', entries: group('a') }])
    await store.put([{ key: 'b', entries: group('b') }])
    await store.put([{ key: 'c', entries: group('c') }])
    expect((await store.get(['a', 'b', 'c'])).map(found => found?.entries[0].entry)).toEqual([undefined, 'b.', 'c.'])
  })
})
