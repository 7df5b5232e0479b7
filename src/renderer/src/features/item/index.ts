// What other features use of the item pane: Undo of a change to papers, filing many papers in a worker.
export { rememberReplacedForUndo } from './undo'
export { addToCollectionInWorker } from './filing-in-worker'
