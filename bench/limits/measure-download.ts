// Measures one download of a generated stream through main's HTTP client:
// time, peak RSS of this process, what the user is told.
//   node_modules/.bin/jiti bench/limits/measure-download.ts <bytes> [length] [text]
import { createHttpClient } from '../../src/main/services/http'
import { startEndlessServer } from '../../src/main/services/endless-server.test-support'

async function main(): Promise<void> {
  const bytes = Number(process.argv[2] ?? 2 * 1024 ** 3)
  const withLength = process.argv[3] === 'length'
  const asText = process.argv[4] === 'text'
  const server = await startEndlessServer()
  const client = createHttpClient({ retries: 0, timeoutMs: 600_000 })
  const url = `${server.url}/stream?bytes=${bytes}${withLength ? '&length=1' : ''}`
  const started = performance.now()
  let outcome: string
  try {
    if (asText) outcome = `read ${(await client.getText({ url })).length} characters`
    else outcome = `read ${(await client.getBytes({ url, maxBytes: 200 * 1024 * 1024 } as never)).bytes.byteLength} bytes`
  } catch (error) {
    outcome = `error: ${(error as Error).message}`
  }
  const ms = performance.now() - started
  console.log(
    JSON.stringify({
      streamed: bytes,
      contentLength: withLength,
      asText,
      seconds: +(ms / 1000).toFixed(2),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      serverSentMB: Math.round(server.sent() / 1024 ** 2),
      outcome
    })
  )
  await server.close()
}
void main()
