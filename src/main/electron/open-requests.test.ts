// A double-clicked .bib, a second launch with a path or a neuroref:// link:
// what the renderer is handed, from real files.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { OpenRequestQueue, openTargetsFromArgv } from './open-requests'
import { requestFromLink } from '@shared/open-request'

const dir = mkdtempSync(join(tmpdir(), 'neuroref-open-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('what a launch asks Neuroref to open', () => {
  it('keeps .bib, .ris and .nbib paths (relative ones from the launch folder) and neuroref:// links, nothing else', () => {
    const argv = [
      '/opt/Neuroref/neuroref',
      '--enable-features=X',
      '.',
      'out/main/index.js',
      'refs/thesis.BIB',
      '/home/r/pubmed.nbib',
      'notes.txt',
      'neuroref://add?ids=10.1000/xyz',
      'x.ris'
    ]
    expect(openTargetsFromArgv(argv, '/home/r')).toEqual([
      { kind: 'file', path: '/home/r/refs/thesis.BIB' },
      { kind: 'file', path: '/home/r/pubmed.nbib' },
      { kind: 'link', url: 'neuroref://add?ids=10.1000/xyz' },
      { kind: 'file', path: '/home/r/x.ris' }
    ])
  })
})

describe('the queue the renderer takes from', () => {
  it('hands over each file’s bytes once, and unreadable files as sentences without stopping the rest', async () => {
    const bib = join(dir, 'thesis.bib')
    writeFileSync(bib, '@article{k, title={Oxytocin}}')
    mkdirSync(join(dir, 'folder.ris'))
    const queue = new OpenRequestQueue()
    queue.add([
      { kind: 'file', path: bib },
      { kind: 'file', path: join(dir, 'gone.nbib') },
      { kind: 'file', path: join(dir, 'folder.ris') },
      { kind: 'link', url: 'neuroref://add?ids=PMID%3A12345678%0A10.1000%2Fxyz' }
    ])
    const taken = await queue.take()
    expect(taken[0]).toEqual({ kind: 'import', fileName: 'thesis.bib', data: Buffer.from('@article{k, title={Oxytocin}}').toString('base64') })
    expect(taken[1]).toEqual({ kind: 'problem', message: 'gone.nbib was not imported: it no longer exists.' })
    expect(taken[2]).toEqual({ kind: 'problem', message: 'folder.ris is not a file, so it was not imported.' })
    expect(taken[3]).toEqual({ kind: 'identifiers', text: 'PMID:12345678\n10.1000/xyz' })
    expect(await queue.take()).toEqual([])
  })
})

describe('neuroref:// links', () => {
  it('are read as identifiers to add, or refused in words', () => {
    expect(requestFromLink('neuroref://add?ids=10.1016/j.neuron.2020.01.001')).toEqual({ kind: 'identifiers', text: '10.1016/j.neuron.2020.01.001' })
    expect(requestFromLink('neuroref://delete?ids=1')).toMatchObject({ kind: 'problem', message: expect.stringContaining('neuroref://add?ids=') })
    expect(requestFromLink('neuroref://add?ids=')).toMatchObject({ kind: 'problem' })
    expect(requestFromLink('https://example.org/?ids=1')).toEqual({ kind: 'problem', message: 'Neuroref opens only neuroref:// links.' })
    expect(requestFromLink(`neuroref://add?ids=${'1'.repeat(20_001)}`)).toMatchObject({ kind: 'problem', message: expect.stringContaining('too long') })
  })
})
