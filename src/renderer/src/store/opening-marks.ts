// Steps of opening a library, noted as performance marks ("neuroref:…") that the scale bench and a trace read:
// when the index worker started, when the saved index was handed to the window, restored, put in use, and when every
// paper was in and shown.

/** Notes a step of opening (no-op where the Performance API has no marks). */
export function marked(step: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`neuroref:${step}`)
}
