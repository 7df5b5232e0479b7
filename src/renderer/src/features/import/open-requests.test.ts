import { describe, expect, it } from 'vitest'
import { handleOpenRequests } from './open-requests'
import type { Message } from '../../components/StatusMessage'

describe('requests to open, handed over by main', () => {
  it('imports the files together, offers identifiers and tells each problem', async () => {
    const imported: File[][] = []
    const offered: string[] = []
    const told: Message[] = []
    handleOpenRequests(
      [
        { kind: 'import', fileName: 'thesis.bib', data: Buffer.from('@article{k, title={Orexin}}').toString('base64') },
        { kind: 'problem', message: 'gone.ris was not imported: it no longer exists.' },
        { kind: 'import', fileName: 'pubmed.nbib', data: Buffer.from('PMID- 1').toString('base64') },
        { kind: 'identifiers', text: '10.1000/xyz' }
      ],
      { importFiles: files => imported.push(files), offerIdentifiers: text => offered.push(text), tell: message => told.push(message) }
    )
    expect(imported).toHaveLength(1)
    expect(imported[0].map(file => file.name)).toEqual(['thesis.bib', 'pubmed.nbib'])
    expect(await imported[0][0].text()).toBe('@article{k, title={Orexin}}')
    expect(offered).toEqual(['10.1000/xyz'])
    expect(told).toEqual([{ kind: 'error', text: 'gone.ris was not imported: it no longer exists.' }])
  })
})
