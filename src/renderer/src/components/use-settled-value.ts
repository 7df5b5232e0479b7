// A value that follows its source once the source stops changing for `ms`:
// for work too heavy to redo on every keystroke (facet counts, plots).
import { useEffect, useState } from 'react'

export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}
