// The web edition in the browser (issue 11 items 3, 5, 9): one origin
// (localhost is sent to 127.0.0.1 with the token), the token taken out of the
// address bar and the history, persistent storage asked for, and Settings
// saying where the library lives.
import { test, expect } from './support/fixtures'

test('localhost leads to 127.0.0.1, the token leaves the address bar and history, and the app keeps working after a reload, its scripts from the cache', async ({
  page,
  app
}) => {
  const localhost = app.url.replace('127.0.0.1', 'localhost')
  await page.goto(localhost)
  await expect(page.getByRole('grid', { name: 'Items' })).toBeVisible()
  expect(page.url()).toBe(`http://127.0.0.1:${app.port}/`)
  // The address (the current history entry) no longer carries the token.
  expect(await page.evaluate(() => window.location.search)).toBe('')
  await page.reload()
  await expect(page.getByRole('grid', { name: 'Items' })).toBeVisible()
  // the scripts the page names (its first script and those it preloads) came from the browser's cache, not fetched again
  const fetched = await page.evaluate(() => {
    const named = new Set(
      [...document.querySelectorAll('script[src], link[rel=modulepreload]')].map(e => (e as HTMLScriptElement).src || (e as HTMLLinkElement).href)
    )
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter(entry => named.has(entry.name))
      .map(entry => ({ script: new URL(entry.name).pathname, bytesFetched: entry.transferSize }))
  })
  expect(fetched.length).toBeGreaterThan(1)
  expect(fetched.filter(entry => entry.bytesFetched > 0)).toEqual([])
  await page.getByRole('button', { name: 'Settings' }).click()
  const appInfo = await page.evaluate(async () => (await fetch('/api/app.info', { method: 'POST', body: 'null' })).status)
  expect(appInfo).toBe(401) // a call without the token (kept in the tab, not the address) is refused
})

test('Settings says where the library lives, and the browser was asked to keep it', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Where your library lives' })
  await expect(section).toContainText(`for the address http://127.0.0.1:${app.port} only`)
  await expect(section).toContainText('Back up the library regularly')
  const persisted = await page.evaluate(() => navigator.storage.persisted())
  await expect(section).toContainText(persisted ? 'The browser keeps it as persistent storage' : 'The browser has not agreed to keep it as persistent storage')
})
