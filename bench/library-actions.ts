/**
 * What a researcher does to a whole large library through the list (issue 13: the window never freezes): sort by
 * every column the list offers, each way; click a facet and take it back; select every paper (Ctrl+A) and tag them,
 * add them to a collection, move them to the Trash and restore them. Each action is timed from the click to what the
 * window shows after it, and the window's long tasks from the click until the window has been quiet for a second.
 * With NEUROREF_BENCH_TRACE=folder each action is traced there (NAME.json: `node bench/long-tasks.mjs`; with
 * NEUROREF_BENCH_TRACE_LAST=1 its last part, task-trace.ts); with NEUROREF_BENCH_HEAP_EVERY=ms the window's heap is
 * sampled through it (heap-timeline.ts) and measured after a full collection at its end; with NEUROREF_BENCH_FRAMES=ms
 * what ran in the frames longer than that (long-frames.ts); with NEUROREF_BENCH_HEAP_SITES=1 where what it left live was
 * allocated (heap-sites.ts).
 */
import type { Locator, Page } from '@playwright/test'
import { longTaskList, longTasksBetween, type LongTasks } from './page-library'
import { startTrace } from './task-trace'
import { sampleHeap } from './heap-timeline'
import { longFramesSince } from './long-frames'
import { memoryAfterGc } from './browser-memory'
import { heapSites, startHeapSampling } from './heap-sites'
import { join } from 'node:path'

export interface ActionFigures {
  action: string
  /** from the click to what it shows (the sorted list drawn, the status line's sentence) */
  ms: number
  longTasks: LongTasks
  /** each long task of the action: "start+ms", from the click */
  tasks: string[]
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now())

/** Waits until the window has run no long task for `quietMs` (the work an action leaves for later counts too). */
async function quietAfter(page: Page, quietMs = 1_000): Promise<void> {
  await page.waitForFunction(
    quiet => {
      const tasks = (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks
      const last = tasks.at(-1)
      return !last || performance.now() - (last.start + last.ms) > quiet
    },
    quietMs,
    { polling: 100, timeout: 600_000 }
  )
  await page.waitForTimeout(quietMs)
}

/** Runs one action: `act` clicks, `shown` waits for its outcome. */
async function measured(page: Page, name: string, act: () => Promise<void>, shown: () => Promise<void>): Promise<ActionFigures> {
  await quietAfter(page, 500)
  const trace = await startTrace(page.context().browser()!, page, name)
  const heap = await sampleHeap(page)
  // NEUROREF_BENCH_HEAP_SITES=1: where what the action allocated and left live was allocated (sampled)
  const sites = process.env.NEUROREF_BENCH_HEAP_SITES === '1' ? await page.context().newCDPSession(page) : undefined
  if (sites) await startHeapSampling(sites)
  const from = await now(page)
  await act()
  await shown()
  const ms = Math.round((await now(page)) - from)
  await quietAfter(page)
  await trace.stop()
  const heapTimeline = await heap.stop()
  if (heapTimeline)
    console.log(
      `${name}: heap (limit ${heapTimeline.limitMb} MB), s:usedMb/totalMb`,
      heapTimeline.samples.map(h => `${h.s}:${h.usedMb}/${h.totalMb}`).join(' ')
    )
  const longTasks = await longTasksBetween(page, from)
  const tasks = await longTaskList(page, from)
  for (const frame of await longFramesSince(page, from)) console.log(`${name}: long frame ${frame}`)
  // what the action left held (an Undo step, the store's copies), once its long tasks are counted (the collection is one)
  if (heapTimeline || sites) console.log(`${name}: heap after a full collection`, await memoryAfterGc(page))
  if (sites) console.log(`${name}: live heap it allocated, by site`, await heapSites(sites, join(process.cwd(), 'out/renderer/assets')))
  const figures = { action: name, ms, longTasks, tasks }
  console.log(figures)
  return figures
}

/** Shows every column the Columns menu offers, so each can be sorted by. */
async function showEveryColumn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Columns' }).click()
  const boxes = page.getByRole('group', { name: 'Show columns' }).getByRole('checkbox')
  for (const box of await boxes.all()) if (!(await box.isChecked())) await box.check()
  await page.getByRole('button', { name: 'Columns' }).click()
}

/** Each column's header clicked twice: ascending, then descending. */
export async function sortEveryColumn(page: Page): Promise<ActionFigures[]> {
  await showEveryColumn(page)
  const headers = page.getByRole('columnheader')
  const figures: ActionFigures[] = []
  for (const header of await headers.all()) {
    const name = (await header.getByRole('button').textContent())!.replace(/[▲▼]/g, '').trim()
    for (const direction of ['ascending', 'descending']) {
      figures.push(
        await measured(
          page,
          `sort ${name} ${direction}`,
          () => header.getByRole('button').click(),
          () => header.and(page.locator(`[aria-sort=${direction}]`)).waitFor()
        )
      )
    }
  }
  return figures
}

const statusSays = (page: Page, text: string | RegExp) => () => page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 600_000 })

/**
 * Every paper of the list selected with Ctrl+A (the first row clicked to put the keyboard there). Ctrl+A selects what
 * the list shows: while it still takes in the last change (the Trash filling with every paper) it is pressed again.
 */
async function selectAll(page: Page, count: number): Promise<void> {
  await page.locator('[role=row][aria-rowindex="2"]').click()
  const selected = page.getByText(`${count} selected`)
  for (let tries = 1; ; tries++) {
    await page.getByRole('grid', { name: 'Items' }).press('Control+a')
    try {
      return await selected.waitFor({ timeout: 30_000 })
    } catch (error) {
      if (tries === 20) throw error
    }
  }
}

/** Waits until the search box is empty, or holds something. */
async function searchIs(page: Page, empty: boolean): Promise<void> {
  await page.waitForFunction(empty => ((document.querySelector('input[aria-label="Search library"]') as HTMLInputElement).value === '') === empty, empty)
}

/** A facet value clicked (its qualifier added to the search) and clicked again (taken back out). */
export async function facetClicks(page: Page): Promise<ActionFigures[]> {
  const journal = page.getByRole('region', { name: 'Facets' }).getByRole('region', { name: 'Journal' }).getByRole('button').first()
  await journal.waitFor({ timeout: 600_000 })
  const figures = [
    await measured(
      page,
      'facet journal chosen',
      () => journal.click(),
      () => searchIs(page, false)
    )
  ]
  const chosen = page.getByRole('region', { name: 'Facets' }).getByRole('region', { name: 'Journal' }).getByRole('button', { pressed: true })
  figures.push(
    await measured(
      page,
      'facet journal taken back',
      () => chosen.first().click(),
      () => searchIs(page, true)
    )
  )
  return figures
}

/** Tag, collect, trash and restore every paper of the library at once. */
export async function wholeLibraryActions(page: Page, count: number): Promise<ActionFigures[]> {
  const figures: ActionFigures[] = []
  const library = page.getByRole('navigation', { name: 'Library' })
  const all = library.getByRole('button', { name: 'All items' })

  await selectAll(page, count)
  const tag: Locator = page.getByRole('combobox', { name: 'Add tag' })
  await tag.fill('whole library')
  figures.push(
    await measured(page, 'tag every paper', () => page.getByRole('button', { name: 'Add this tag' }).click(), statusSays(page, `Tagged ${count} papers`))
  )

  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new collection' }).fill('Everything')
  await page.getByRole('button', { name: 'Create' }).click()
  // the new collection is shown once its write is stored, which can wait behind the index worker's save after the tag:
  // All items clicked before that was undone by it, the selection cleared, and "Add to collection" filed no paper
  await page.getByRole('treeitem', { name: 'Everything', selected: true }).waitFor({ timeout: 600_000 })
  await all.click()
  await selectAll(page, count)
  figures.push(
    await measured(
      page,
      'add every paper to a collection',
      async () => {
        await page.getByRole('button', { name: 'Add to collection' }).click()
        await page.getByRole('menuitem', { name: 'Everything' }).click()
      },
      statusSays(page, `Added ${count} papers`)
    )
  )

  await selectAll(page, count)
  figures.push(
    await measured(
      page,
      'move every paper to the Trash',
      () => page.getByRole('button', { name: 'Move to Trash' }).click(),
      statusSays(page, `Moved ${count} items`)
    )
  )

  await library.getByRole('button', { name: /^Trash/ }).click()
  await selectAll(page, count)
  figures.push(
    await measured(
      page,
      'restore every paper from the Trash',
      () => page.getByRole('button', { name: 'Restore' }).click(),
      statusSays(page, `Restored ${count} papers`)
    )
  )
  await all.click()
  return figures
}
