// A journal's style from the shipped repository, as the window uses it: read
// with styles.get, learned (parent first), and formatting like its parent.
import { beforeAll, describe, expect, it } from 'vitest'
import { formatBibliography, formatCitation } from '@shared/export/formats'
import { PREVIEW_PAPER } from '@shared/export/preview-paper'
import { addedStyleSources, findStyle, learnShippedStyle, listStyles } from '@shared/export/styles'
import { StyleRepository } from './style-repository'
import { builtStylePack } from './style-pack.test-support'

let styles: StyleRepository
beforeAll(() => {
  styles = new StyleRepository(builtStylePack())
}, 120_000)

describe('a style from the CSL repository', () => {
  it('formats a journal’s dependent style with the rules of its parent, under the journal’s name', () => {
    const style = learnShippedStyle(styles.files('hormones-and-behavior'))
    expect(style).toEqual({ id: 'hormones-and-behavior', label: 'Hormones and Behavior', locale: 'en-US', namesLocale: true, custom: false })
    const parent = styles.files('hormones-and-behavior').parent?.style.id ?? ''
    expect(findStyle(parent)).toBeDefined()
    expect(formatCitation([PREVIEW_PAPER], { style: style.id })).toBe(formatCitation([PREVIEW_PAPER], { style: parent }))
    expect(formatBibliography([PREVIEW_PAPER], { style: style.id })).toContain('Ferrer-Pérez')
    // not listed among the researcher's own styles, but passed on to a worker
    expect(listStyles().map(listed => listed.id)).not.toContain('hormones-and-behavior')
    expect(addedStyleSources().styles.map(added => added.id)).toContain('hormones-and-behavior')
  })

  it('formats an independent journal style in another language when its locale is learned', () => {
    const files = styles.files('biological-psychiatry', 'fi-FI')
    const style = learnShippedStyle(files)
    expect(style.label).toBe('Biological Psychiatry')
    expect(formatBibliography([PREVIEW_PAPER], { style: style.id })).toContain('Oxytocin Prevents the Increase')
    // the locale file is there for every style: APA in Finnish says "ym." for "et al."
    expect(formatCitation([PREVIEW_PAPER], { style: 'apa', lang: 'fi-FI' })).toBe('(Ferrer-Pérez ym., 2021)')
    expect(addedStyleSources().locales).toHaveProperty('fi-FI')
  })

  it('loads a renamed style under its current id', () => {
    expect(learnShippedStyle(styles.files('aaa')).id).toBe('american-anthropological-association')
  })
})
