// The citation picker while its code loads: the search field is there at once,
// focused, and keeps what is typed (and the caret) for the picker; Enter is
// kept too, and the picker copies what it finds as soon as it can.
import { DialogFrame, LOADING_TEXT } from '../../components/OnDemandDialog'
import { PickerSearchField, typedIn, type PickerProps } from './PickerSearchField'

export function PickerLoading({ onClose, typed, onTyped }: PickerProps) {
  return (
    <DialogFrame label="Citation picker" busy onClose={onClose} text={LOADING_TEXT}>
      <PickerSearchField
        autoFocus
        value={typed.text}
        onChange={e => onTyped(typedIn(e.currentTarget))}
        onSelect={e => {
          // the caret moved: a pending Enter stays pending while the text is the same
          const moved = typedIn(e.currentTarget)
          onTyped(before => ({ ...moved, copy: before.copy && before.text === moved.text }))
        }}
        onKeyDown={e => {
          if (e.key !== 'Enter') return
          e.preventDefault()
          onTyped(before => ({ ...before, copy: true }))
        }}
      />
    </DialogFrame>
  )
}
