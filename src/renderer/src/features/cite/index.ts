// What other features use of citing: the style chooser and the styles in use
// (both load citeproc: only dialogs that load on demand import this).
export { StyleChooser } from './StyleChooser'
export { useCitationStyles } from './use-citation-styles'
