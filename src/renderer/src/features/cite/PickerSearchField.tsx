// The citation picker's search field, shared by the picker and by the frame
// shown while the picker's code loads: a researcher presses Ctrl/⌘+Shift+C and
// types an author's name at once, and what is typed is kept for the picker.
import type { Dispatch, InputHTMLAttributes, Ref, SetStateAction } from 'react'

/** What is typed in the search field, and the caret (or the selected text). */
export interface TypedSearch {
  text: string
  start: number
  end: number
  /** Enter was pressed while the picker loaded: it copies the paper found as soon as it can */
  copy?: boolean
}

export const NOTHING_TYPED: TypedSearch = { text: '', start: 0, end: 0 }

/** The picker's props, the same while its code loads (`onTyped` keeps what is typed) and once it is there (`typed` is its first search). */
export interface PickerProps {
  onClose: () => void
  typed: TypedSearch
  onTyped: Dispatch<SetStateAction<TypedSearch>>
}

export function typedIn(field: HTMLInputElement): TypedSearch {
  const end = field.value.length
  return { text: field.value, start: field.selectionStart ?? end, end: field.selectionEnd ?? end }
}

export function PickerSearchField(props: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input type="search" aria-label="Find papers to cite" placeholder="Author, title words, year… — Enter copies, Ctrl+Space adds another" {...props} />
}
