// What other features use of the item pane: Undo of a change to papers.
export { rememberReplacedForUndo } from './undo'
