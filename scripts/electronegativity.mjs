// Static security scan of the Electron code with @doyensec/electronegativity,
// part of `npm run lint` (so of `npm test`). Every finding must be fixed or
// listed, with a one-line reason, in security/electronegativity-allowed.json;
// a finding not listed fails the run.
//
// Offline on purpose: electronegativity fetches translations from S3 at start
// and Electron's release list from GitHub for one check. The translation
// fetch is answered "no network" here (its English texts ship in the
// package), the release-list check (AvailableSecurityFixesGlobalCheck: "is a
// newer Electron out?") is left out, and any other socket this process
// would open throws. Upgrading Electron is a separate, deliberate step.
//
// Usage: node scripts/electronegativity.mjs [folder to scan = src] [allow-list]
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import Module, { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const input = resolve(process.argv[2] ?? join(root, 'src'))
const allowListPath = resolve(process.argv[3] ?? join(root, 'security/electronegativity-allowed.json'))
const ELECTRON_VERSION = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version

// The reviewed list first: an entry without a reason is refused before any scanning.
const allowed = JSON.parse(readFileSync(allowListPath, 'utf8'))
for (const entry of allowed) {
  if (!entry.check || !entry.code || !entry.reason?.trim()) {
    console.error(`${allowListPath}: every entry needs check, code and a reason (${JSON.stringify(entry)})`)
    process.exit(1)
  }
}

function noNetwork() {
  throw new Error('electronegativity tried to use the network; this scan is offline by design')
}
http.request = http.get = https.request = https.get = noNetwork
net.connect = net.createConnection = noNetwork

// The translation fetch goes through `got`: answer it with a refusal before electronegativity loads it.
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const gotPath = require.resolve('got', { paths: [packageDir] })
const refuse = () => Promise.reject(new Error('offline'))
refuse.head = refuse
const stub = new Module(gotPath)
stub.exports = refuse
stub.loaded = true
require.cache[gotPath] = stub

const quietLog = console.log
console.log = (...args) => {
  // its own note that the (refused) translation fetch failed
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) quietLog(...args)
}
const run = require(join(packageDir, 'dist/runner.js'))
const result = await run({
  input,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  electronVersionOverride: ELECTRON_VERSION,
  isRelative: false
})
console.log = quietLog

/** One line of code, whitespace-insensitive: a finding is the check plus the code it points at, so moving code does not reopen a reviewed finding. */
const normalise = code =>
  String(code ?? '')
    .replace(/\s+/g, ' ')
    .trim()
const isAllowed = issue => allowed.some(entry => entry.check === issue.id && normalise(entry.code) === normalise(issue.sample))
const unparsed = result.errors.filter(error => !error.tolerable)
const fresh = result.issues.filter(issue => !isAllowed(issue))
const stale = allowed.filter(entry => !result.issues.some(issue => entry.check === issue.id && normalise(entry.code) === normalise(issue.sample)))

const where = issue => `${relative(root, issue.file)}:${issue.location.line}`
for (const error of unparsed) console.error(`electronegativity could not read ${relative(root, error.file)}: ${error.message}`)
for (const entry of stale) console.warn(`electronegativity: allowed finding no longer seen (remove it from the list): ${entry.check} ${entry.code}`)
for (const issue of fresh) console.error(`electronegativity: new finding ${issue.id} at ${where(issue)}: ${normalise(issue.sample)}\n  ${issue.description}`)
const summary = `electronegativity (${result.atomicChecks + result.globalChecks} checks, Electron ${ELECTRON_VERSION}, offline): ${result.issues.length} findings, ${result.issues.length - fresh.length} reviewed in ${relative(root, allowListPath)}, ${fresh.length} new`
if (fresh.length > 0 || unparsed.length > 0) {
  console.error(`${summary}. Fix each new finding, or add it to the list with a one-line reason after review.`)
  process.exit(1)
}
console.log(summary)
