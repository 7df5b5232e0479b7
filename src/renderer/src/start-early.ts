// The page's first module (main.tsx imports it before React): what the opening library needs from IndexedDB longest,
// its saved search index, starts being read now, in its worker (store/index-worker-start.ts).
import { chosenLibrary } from './open-library'
import { startIndexWorkerEarly } from './store/index-worker-start'

startIndexWorkerEarly(chosenLibrary().dexieName)
