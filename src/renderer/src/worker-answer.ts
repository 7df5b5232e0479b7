// A worker started for one request: its one answer, then it is stopped.
// The caller creates the Worker (its `new URL('./x.worker.ts', import.meta.url)`
// must stay in the caller's file for the bundler to find the worker).

/** What such a worker answers: its value, or the message of what went wrong. */
export type WorkerAnswer<T> = ({ ok: true } & T) | { ok: false; message: string }

/** Posts `request` to `worker` (handing over `transfer`) and resolves with its answer (rejects with its message); `stopped` says what broke if the worker itself fails. */
export function answerOf<T>(worker: Worker, request: unknown, stopped: string, transfer: Transferable[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerAnswer<T>>) => {
      worker.terminate()
      if (event.data.ok) resolve(event.data)
      else reject(new Error(event.data.message))
    }
    worker.onerror = event => {
      event.preventDefault()
      worker.terminate()
      reject(new Error(event.message || stopped))
    }
    worker.postMessage(request, transfer)
  })
}
