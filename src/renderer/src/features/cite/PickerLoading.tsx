// The citation picker while its code loads: the search field is there at once,
// focused, and keeps what is typed (and the caret) for the picker.
import { DialogFrame, LOADING_TEXT } from '../../components/OnDemandDialog'
import { PickerSearchField, typedIn, type PickerProps } from './PickerSearchField'

export function PickerLoading({ onClose, typed, onTyped }: PickerProps) {
  return (
    <DialogFrame label="Citation picker" busy onClose={onClose} text={LOADING_TEXT}>
      <PickerSearchField autoFocus value={typed.text} onChange={e => onTyped(typedIn(e.currentTarget))} onSelect={e => onTyped(typedIn(e.currentTarget))} />
    </DialogFrame>
  )
}
