// The one open library of this window, shared by every feature.
import { openLibrary } from './db/schema'

export const db = openLibrary()
