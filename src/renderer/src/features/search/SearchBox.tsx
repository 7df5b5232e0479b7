// "Search library": results update as you type. Qualifiers such as author:,
// year:2015-2021, mesh:, tag: and -word are explained in the tooltip.
import { forwardRef } from 'react'
import { searchAsked } from '../../store/turns'

const HELP =
  'Words match title, authors, journal, abstract, keywords, MeSH, notes and ids. ' +
  'Qualifiers: author: title: year:2019 year:2015-2021 journal: tag: mesh: peptide: doi: pmid: — "a phrase", -exclude.'

export const SearchBox = forwardRef<HTMLInputElement, { value: string; onChange: (text: string) => void }>(function SearchBox({ value, onChange }, ref) {
  return (
    <input
      ref={ref}
      type="search"
      className="search-box"
      aria-label="Search library"
      placeholder="Search library"
      title={HELP}
      value={value}
      onChange={e => {
        // work done beforehand waits while the researcher types
        searchAsked()
        onChange(e.target.value)
      }}
      onKeyDown={e => {
        if (e.key === 'Escape') onChange('')
      }}
    />
  )
})
