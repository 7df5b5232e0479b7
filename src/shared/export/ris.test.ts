import { describe, expect, it } from 'vitest'
import { exportRis } from './ris'
import type { ExportItem } from './bibtex-fields'
// The seed paper is shared with the other export tests.
import { seedPaper as seed } from './seed-paper.test-support'

describe('exportRis', () => {
  it('writes the seed paper tag by tag, CRLF line ends, closed by ER', () => {
    expect(exportRis([seed])).toBe(
      [
        'TY  - JOUR',
        'ID  - ferrerperez2021oxytocin',
        'AU  - Ferrer-Pérez, Carmen',
        'AU  - Castro-Zavala, Adriana',
        'AU  - Luján, Miguel Ángel',
        'AU  - Martín-García, Elena',
        'AU  - Maldonado, Rafael',
        'AU  - Miñarro, José',
        'AU  - Rodríguez-Arias, Marina',
        'TI  - Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat',
        'T2  - International Journal of Molecular Sciences',
        'JO  - Int J Mol Sci',
        'PY  - 2021',
        'DA  - 2021/03/01/',
        'VL  - 22',
        'IS  - 5',
        'SP  - 2372',
        'PB  - MDPI AG',
        'SN  - 1422-0067',
        'DO  - 10.3390/ijms22052372',
        'AN  - 33673448',
        'C2  - PMC7956822',
        'UR  - https://doi.org/10.3390/ijms22052372',
        'KW  - cocaine',
        'KW  - conditioned place preference',
        'KW  - oxytocin',
        'KW  - social defeat',
        'ER  - ',
        ''
      ].join('\r\n')
    )
  })

  it('splits a page range into SP and EP and keeps long values on one line', () => {
    const item: ExportItem = {
      sources: ['manual'],
      citationKey: 'k',
      csl: {
        type: 'chapter',
        title: 'Corticotropin-Releasing Factor and the Stress Response: A Very Long Title That Other Writers Would Wrap Somewhere',
        'container-title': 'Handbook of Neuropeptides',
        editor: [{ family: 'van der Berg', given: 'Jan' }],
        page: '101–19',
        abstract: 'First paragraph.\n\nSecond paragraph.',
        issued: { 'date-parts': [[2019, 11]] }
      }
    }
    const lines = exportRis([item]).split('\r\n')
    expect(lines[0]).toBe('TY  - CHAP')
    expect(lines).toContain('A2  - van der Berg, Jan')
    expect(lines).toContain('SP  - 101')
    expect(lines).toContain('EP  - 19')
    expect(lines).toContain('DA  - 2019/11//')
    expect(lines).toContain('AB  - First paragraph. Second paragraph.')
    expect(lines.find(line => line.startsWith('TI  - '))).toHaveLength(6 + item.csl.title!.length)
    expect(lines.some(line => line.startsWith('JO  - '))).toBe(false)
  })

  it('writes nothing for no items', () => {
    expect(exportRis([])).toBe('')
  })
})
