// The CPU samples of a Chromium trace (bench/task-trace.ts records them with the trace), one by one, for the scripts
// that sum them (long-tasks.mjs, thread-samples.mjs).

/** A sampled function as the scripts name it: function file:line:column of the built bundle, or V8's own name ('(garbage collector)'). */
export const frameName = frame =>
  frame.url ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : frame.functionName

/**
 * Calls `take` for each CPU sample of the trace's events in time order, with its thread ('pid:tid'), its time (µs, the
 * trace's clock), the time until the next sample (ms), its function's frame and `callers()`, the frames it was called
 * from (itself first). `threads` (a predicate on 'pid:tid'), when given, keeps only those threads' samples.
 */
export function forEachSample(events, take, threads = () => true) {
  const profiles = new Map()
  for (const e of events.filter(e => e.name === 'Profile' || e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts)) {
    const id = `${e.pid}:${e.id}`
    if (e.name === 'Profile') profiles.set(id, { at: e.args.data.startTime, thread: `${e.pid}:${e.tid}`, frames: new Map(), parents: new Map() })
    const profile = profiles.get(id)
    if (e.name !== 'ProfileChunk' || !profile || !threads(profile.thread)) continue
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data
    for (const node of cpuProfile.nodes ?? []) {
      profile.frames.set(node.id, node.callFrame)
      if (node.parent !== undefined) profile.parents.set(node.id, node.parent)
    }
    ;(cpuProfile.samples ?? []).forEach((node, n) => {
      profile.at += timeDeltas[n]
      const frame = profile.frames.get(node)
      if (!frame) return
      const callers = () => {
        const frames = []
        for (let at = node; at !== undefined; at = profile.parents.get(at)) frames.push(profile.frames.get(at))
        return frames
      }
      take({ thread: profile.thread, at: profile.at, ms: (timeDeltas[n + 1] ?? timeDeltas[n] ?? 0) / 1000, frame, callers })
    })
  }
}
