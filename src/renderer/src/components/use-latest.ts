// The value of the last render, for code that runs later (after an await):
// its closure still holds the value of the render that started it.
import { useLayoutEffect, useRef } from 'react'

export function useLatest<T>(value: T): { readonly current: T } {
  const latest = useRef(value)
  useLayoutEffect(() => {
    latest.current = value
  })
  return latest
}
