// Measures reading a 1 MB PDF whose content stream inflates to 1 GB through
// main's PDF text reader (worker thread, default caps): time, peak RSS of the
// process, main's longest event-loop gap, what the user is told.
//   npx electron-vite build && node_modules/.bin/jiti bench/limits/measure-pdf-bomb.ts
import path from 'node:path'
import { pdfWithHugeStream } from '../../src/main/services/pdf/flate-bomb.test-support'
import { createPdfTextReader } from '../../src/main/services/pdf/text-reader'

async function main(): Promise<void> {
  const bomb = await pdfWithHugeStream(1024)
  const pdfBytes = bomb.byteLength // the bytes are handed to the worker (detached) when read
  const reader = createPdfTextReader({ workerFile: path.resolve(import.meta.dirname, '../../out/main/pdf-text-worker.js') })
  let gap = 0
  let last = performance.now()
  const beat = setInterval(() => {
    const now = performance.now()
    gap = Math.max(gap, now - last)
    last = now
  }, 10)
  const started = performance.now()
  const outcome = await reader.read(bomb).then(
    text => `read: ${text.pages[0].slice(0, 40)}`,
    (error: Error) => `error: ${error.message}`
  )
  clearInterval(beat)
  await reader.close()
  console.log(
    JSON.stringify({
      pdfBytes,
      seconds: +((performance.now() - started) / 1000).toFixed(2),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      longestEventLoopGapMs: Math.round(gap),
      outcome
    })
  )
}
void main()
