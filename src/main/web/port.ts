import { DEFAULT_PORT } from './server'

/** NEUROREF_PORT: a port number, or 0 for any free port. The default never changes (IndexedDB is per origin). */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`NEUROREF_PORT must be a port number (0 for any free port), not “${value}”.`)
  }
  return port
}
