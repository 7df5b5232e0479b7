// What the app shell uses from collections and saved searches.
export { CollectionsSection } from './CollectionsSection'
export { SavedSearches } from './SavedSearches'
export { SaveSearchButton } from './SaveSearchButton'
export { SelectedPapersBar } from './SelectedPapersBar'
export { startDraggingItems } from './drag'
export { useCollectionDescendants } from './use-collections'
