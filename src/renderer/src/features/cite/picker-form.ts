// What the citation picker copies: the researcher's chosen form (remembered in
// the setting "citationPickerForm") made from the chosen papers.
import type { NeurorefDb } from '../../library/schema'
import { readSetting, writeSetting } from '../../library/settings'
import type { ExportItem } from '@shared/export/bibtex-fields'
import { formatCitation, latexCite, pandocCite } from '@shared/export/formats'

export type PickerForm = 'pandoc' | 'cite' | 'parencite' | 'formatted'

export const PICKER_FORMS: { form: PickerForm; label: string }[] = [
  { form: 'pandoc', label: '[@key] (Pandoc, Quarto, Markdown)' },
  { form: 'cite', label: '\\cite{key} (LaTeX)' },
  { form: 'parencite', label: '\\parencite{key} (biblatex)' },
  { form: 'formatted', label: 'Formatted citation (current style)' }
]

const FORM = 'citationPickerForm'

export async function readPickerForm(db: NeurorefDb): Promise<PickerForm> {
  const saved = await readSetting<string>(db, FORM, 'pandoc')
  return PICKER_FORMS.some(option => option.form === saved) ? (saved as PickerForm) : 'pandoc'
}

export async function writePickerForm(db: NeurorefDb, form: PickerForm): Promise<void> {
  await writeSetting(db, FORM, form)
}

/** The clipboard's text, and for a formatted citation its HTML too (a word processor keeps the italics). */
export function pickerCitation(form: PickerForm, items: ExportItem[], style: { style: string; lang: string }): { text: string; html?: string } {
  switch (form) {
    case 'pandoc':
      return { text: pandocCite(items) }
    case 'cite':
    case 'parencite':
      return { text: latexCite(items, form) }
    case 'formatted':
      return { text: formatCitation(items, style), html: formatCitation(items, { ...style, output: 'html' }) }
  }
}
