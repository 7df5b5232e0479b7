// The pages' policy stays strict: the saved sync server is the only origin
// added, to connect-src only; anything that is not a plain origin adds nothing.
import { describe, expect, it } from 'vitest'
import { htmlWithCsp, RENDERER_CSP, rendererCsp } from './csp'

describe('renderer CSP', () => {
  it('adds the sync server to connect-src and changes nothing else', () => {
    const csp = rendererCsp('https://couch.lab.example:6984')
    expect(csp).toBe(RENDERER_CSP.replace("connect-src 'self';", "connect-src 'self' https://couch.lab.example:6984;"))
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'[^;]*script|\*/)
    expect(csp.match(/couch\.lab\.example/g)).toHaveLength(1)
  })

  it('without a server, or with something that is not a plain https origin, it is the strict policy', () => {
    for (const origin of [
      undefined,
      '',
      'http://couch.lab.example',
      "https://x.example; script-src 'unsafe-eval'",
      'https://x.example/path',
      '*',
      'https://a.example https://b.example'
    ])
      expect(rendererCsp(origin)).toBe(RENDERER_CSP)
    expect(rendererCsp('http://127.0.0.1:5984')).toContain("connect-src 'self' http://127.0.0.1:5984;")
  })

  it("rewrites index.html's meta policy", () => {
    const html = '<meta\n      http-equiv="Content-Security-Policy"\n      content="default-src \'self\'" />'
    expect(htmlWithCsp(html, 'X')).toBe('<meta\n      http-equiv="Content-Security-Policy"\n      content="X" />')
  })
})
