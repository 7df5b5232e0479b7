// What the app shell and other features use from collections and saved searches.
export { CollectionsSection } from './CollectionsSection'
export { SavedSearches } from './SavedSearches'
export { SaveSearchButton } from './SaveSearchButton'
export { SelectedPapersBar } from './SelectedPapersBar'
export { startDraggingItems } from './drag'
export { useCollectionDescendants, useCollections } from './use-collections'
