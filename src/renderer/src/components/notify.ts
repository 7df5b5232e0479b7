// The window's notification service: any component says something to the
// researcher with `useNotify()` (the footer's status line shows it), instead
// of a message callback handed down through every component in between.
import { createContext, useContext } from 'react'
import type { Message } from './StatusMessage'

export type Notify = (message: Message) => void

const NotifyContext = createContext<Notify | null>(null)

/** The app shell provides where messages go (App.tsx). */
export const NotifyProvider = NotifyContext.Provider

export function useNotify(): Notify {
  const notify = useContext(NotifyContext)
  if (!notify) throw new Error('useNotify() needs a NotifyProvider above it (App.tsx).')
  return notify
}
