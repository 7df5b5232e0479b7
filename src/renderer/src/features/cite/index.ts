// What other features use of citing: the style chooser, the styles in use and
// the citation picker (Ctrl/⌘+Shift+C).
export { StyleChooser } from './StyleChooser'
export { useCitationStyles } from './use-citation-styles'
export { CitationPicker } from './CitationPicker'
