// What other features use of tags: the add-tag form, tag colours and kind names.
export { AddTagForm } from './AddTagForm'
export { KIND_MARK, KIND_NAME, useTagColors } from './tag-data'
