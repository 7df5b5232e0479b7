// Test support: how often citeproc calls one of its own functions while some work runs (what a shortcut saves).
import CSL from 'citeproc'

type Engine = Record<'getCite' | 'getAmbiguousCite', (...args: unknown[]) => unknown>

/** `run`'s result, and how many times citeproc called its `name` during it. */
export function callsDuring<T>(name: keyof Engine, run: () => T): [T, number] {
  const engine = CSL as unknown as Engine
  const shipped = engine[name]
  let calls = 0
  engine[name] = function (this: unknown, ...args) {
    calls++
    return shipped.apply(this, args)
  }
  try {
    return [run(), calls]
  } finally {
    engine[name] = shipped
  }
}
