import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedPaper } from '@shared/export/seed-paper.test-support'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { pickerCitation, readPickerForm, writePickerForm } from './picker-form'

const other = {
  ...seedPaper,
  citationKey: 'lee2012human',
  csl: { ...seedPaper.csl, title: 'Another paper', author: [{ family: 'Lee', given: 'Hyun Ju' }], issued: { 'date-parts': [[2012]] } }
}
const apa = { style: 'apa', lang: 'en-US' }

describe('what the citation picker copies', () => {
  it('gives Pandoc and LaTeX citations of the chosen papers in the order chosen', () => {
    expect(pickerCitation('pandoc', [seedPaper, other], apa)).toEqual({ text: '[@ferrerperez2021oxytocin; @lee2012human]' })
    expect(pickerCitation('cite', [seedPaper, other], apa)).toEqual({ text: '\\cite{ferrerperez2021oxytocin,lee2012human}' })
    expect(pickerCitation('parencite', [seedPaper], apa)).toEqual({ text: '\\parencite{ferrerperez2021oxytocin}' })
  })

  it('gives a formatted citation in the style as text and as HTML', () => {
    expect(pickerCitation('formatted', [seedPaper, other], apa)).toEqual({
      text: '(Ferrer-Pérez et al., 2021; Lee, 2012)',
      html: '(Ferrer-Pérez et al., 2021; Lee, 2012)'
    })
    expect(pickerCitation('formatted', [seedPaper], { style: 'vancouver-nlm', lang: 'en-US' }).text).toBe('(1)')
  })
})

describe('the remembered form', () => {
  let db: NeurorefDb
  beforeEach(async () => {
    db = openLibrary(`picker-${Math.random()}`)
    await db.open()
  })
  afterEach(() => db.delete())

  it('is Pandoc at first, then the last one used', async () => {
    expect(await readPickerForm(db)).toBe('pandoc')
    await writePickerForm(db, 'parencite')
    expect(await readPickerForm(db)).toBe('parencite')
  })
})
