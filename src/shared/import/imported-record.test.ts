import { describe, expect, it } from 'vitest'
import { recordFromCsl } from './imported-record'

describe('the text of an imported record, tidied', () => {
  it('has accented letters composed, in titles and in names, and a dotless i with an accent read as í', () => {
    const record = recordFromCsl({
      type: 'article-journal',
      title: 'Caf\u0065\u0301 and Sa\u0303o Paulo',
      author: [{ family: 'Mu\u0308ller', given: 'Jose\u0301' }],
      'container-title': 'Revista M\u0131\u0301nima'
    })
    expect(record.csl.title).toBe('Café and São Paulo')
    expect(record.csl.author).toEqual([{ family: 'Müller', given: 'José' }])
    expect(record.csl['container-title']).toBe('Revista Mínima')
  })

  it('leaves every text of characters below U+0300 as it is, which composing would not change either', () => {
    // the premise of skipping NFC for such text: no two of these characters compose, and none decomposes
    const below = Array.from({ length: 0x300 }, (_, code) => String.fromCharCode(code)).filter(c => !/[\s\u0000-\u001f]/.test(c))
    for (const first of below) {
      const pairs = below.map(second => first + second).join('|')
      expect(pairs.normalize('NFC')).toBe(pairs)
    }
    const text = 'Þórr, Ærø & Ångström: ½ µg/kg — “quoted” ©'
    expect(recordFromCsl({ type: 'book', title: text }).csl.title).toBe(text)
  })

  it("keeps a name's fields in their order, each one line, and a field named __proto__ as a field", () => {
    const author = JSON.parse('{"family": " Smith ", "given": "Ana\\n  B.", "__proto__": "kept"}')
    const [name] = recordFromCsl({ type: 'book', title: 'T', author: [author] }).csl.author as Record<string, unknown>[]
    expect(Object.keys(name)).toEqual(['family', 'given', '__proto__'])
    expect(name).toMatchObject({ family: 'Smith', given: 'Ana B.' })
    expect(Object.getOwnPropertyDescriptor(name, '__proto__')?.value).toBe('kept')
    expect(Object.getPrototypeOf(name)).toBe(Object.prototype)
  })
})
