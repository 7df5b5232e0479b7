// Where the researcher is: the view (with its search, tags and sort) and the
// papers chosen in it. An action whose write can wait behind a whole-library
// change (tagging or trashing 100,000 papers) moves the view or the selection
// when it ends only if the researcher is still where they were when they
// asked: what they went to or chose meanwhile stays.
import { createContext, useCallback, useContext } from 'react'
import { useLatest } from './use-latest'

/** Says, when the action ends, whether the researcher is still where they were when they asked for it. */
export type StillThere = () => boolean
type MarkPlace = () => StillThere

const PlaceContext = createContext<MarkPlace | null>(null)

/** The app shell provides the marks (App.tsx, from `usePlaceMarks`). */
export const PlaceProvider = PlaceContext.Provider

/** Marks where the researcher is; call it when they ask for the action, before its first await. */
export function useMarkPlace(): MarkPlace {
  const mark = useContext(PlaceContext)
  if (!mark) throw new Error('useMarkPlace() needs a PlaceProvider above it (App.tsx).')
  return mark
}

/** For the app shell: the parts of where the researcher is, each replaced (a new object) when they move. */
export function usePlaceMarks(...place: unknown[]): MarkPlace {
  const now = useLatest(place)
  return useCallback(() => {
    const asked = now.current
    return () => now.current.every((part, i) => part === asked[i])
  }, [now])
}
