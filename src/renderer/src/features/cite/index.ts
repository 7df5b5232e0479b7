// What other features use of citing: the style chooser and the styles in use.
export { StyleChooser } from './StyleChooser'
export { useCitationStyles } from './use-citation-styles'
