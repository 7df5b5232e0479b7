// What other features use of tags: the add-tag form, tag colours and kind names.
// the tag styles come with the form wherever it is shown
import './tags.css'
export { AddTagForm } from './AddTagForm'
export { TagLabel } from './TagLabel'
export { useTagColors } from './tag-data'
