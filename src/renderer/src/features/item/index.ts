// What other features use of the item pane: Undo of a change to papers.
export { rememberForUndo } from './undo'
