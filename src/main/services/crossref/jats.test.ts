// The markup rules on their own. The real abstracts and titles are tested
// through map-work.test.ts; these are the shapes those files do not show.
import { describe, expect, it } from 'vitest'
import { cleanInlineMarkup, decodeEntities, readJatsAbstract } from './jats'

describe('cleanInlineMarkup', () => {
  it('keeps italics, sub- and superscripts without adding spaces inside chemical formulas', () => {
    expect(cleanInlineMarkup('Ca<sup>2+</sup> influx and CO<sub>2</sub> in <i>Mus musculus</i>')).toBe(
      'Ca<sup>2+</sup> influx and CO<sub>2</sub> in <i>Mus musculus</i>'
    )
  })

  it('reads JATS and HTML italics as <i> and drops other tags but keeps their text', () => {
    expect(cleanInlineMarkup('<jats:italic>Fos</jats:italic> and <b>bold</b> <span class="x">oxytocin</span> <em>in vivo</em>')).toBe(
      '<i>Fos</i> and bold oxytocin <i>in vivo</i>'
    )
  })

  it('decodes entities, and leaves a bare ampersand or less-than sign alone', () => {
    expect(cleanInlineMarkup('Stress &amp; reward &#8211; CRF&nbsp;neurons')).toBe('Stress & reward – CRF neurons')
    expect(cleanInlineMarkup('Smith & Wesson')).toBe('Smith & Wesson')
    expect(cleanInlineMarkup('Effects at p < 0.05 in <i>Rattus</i>')).toBe('Effects at p < 0.05 in <i>Rattus</i>')
  })

  it('decodeEntities leaves markup as it is', () => {
    expect(decodeEntities('&lt;i&gt;x&lt;/i&gt; <b>')).toBe('<i>x</i> <b>')
  })
})

describe('readJatsAbstract', () => {
  it('uses top-level titles between paragraphs as section labels', () => {
    const read = readJatsAbstract(
      '<jats:title>Abstract</jats:title><jats:title>Background:</jats:title><jats:p>Vasopressin.</jats:p><jats:title>Results</jats:title><jats:p>One.</jats:p><jats:p>Two.</jats:p>'
    )
    expect(read.sections).toEqual([
      { label: 'Background', text: 'Vasopressin.' },
      { label: 'Results', text: 'One. Two.' }
    ])
    expect(read.text).toBe('Background: Vasopressin.\nResults: One. Two.')
  })

  it('does not take a section titled "Abstract" for a labelled section', () => {
    expect(readJatsAbstract('<jats:sec><jats:title>Abstract</jats:title><jats:p>Only text.</jats:p></jats:sec>')).toEqual({ text: 'Only text.' })
  })

  it('keeps unlabelled paragraphs as lines and has no sections', () => {
    expect(readJatsAbstract('<jats:p>First.</jats:p><jats:p>Second.</jats:p>')).toEqual({ text: 'First.\nSecond.' })
  })

  it('reads plain text (DataCite) and broken markup without failing', () => {
    expect(readJatsAbstract('Orexin neurons fire.')).toEqual({ text: 'Orexin neurons fire.' })
    expect(readJatsAbstract('<jats:p>Unclosed <jats:italic>NPY</jats:italic> and a < b').text).toBe('Unclosed <i>NPY</i> and a < b')
  })

  it('leaves figures and their captions out of the text', () => {
    expect(readJatsAbstract('<jats:p>Text.</jats:p><jats:fig><jats:label>Figure 1</jats:label><jats:caption>Cap</jats:caption></jats:fig>').text).toBe('Text.')
  })
})
