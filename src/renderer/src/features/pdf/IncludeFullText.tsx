// "Include full text" beside "Search library": whether the text of attached PDFs is searched too.
export function IncludeFullText({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="full-text-toggle">
      <input type="checkbox" checked={checked} onChange={e => onChange(e.target.checked)} />
      Include full text
    </label>
  )
}
