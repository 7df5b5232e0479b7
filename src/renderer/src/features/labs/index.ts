// What the sidebar and the item pane use of lab libraries.
export { LabLibraries } from './LabLibraries'
export { CopyToLibrary } from './CopyToLibrary'
