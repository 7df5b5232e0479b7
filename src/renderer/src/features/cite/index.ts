// What other features use of citing: the style picker and the styles in use.
export { StylePicker } from './StylePicker'
export { useCitationStyles } from './use-citation-styles'
