// fetchPubmedRecords keeps NCBI's batches of 200 and asks for the next batch
// before reading the reply in hand, so the parse overlaps the wait.
import { describe, expect, it } from 'vitest'
import { ServiceError } from '@shared/result'
import type { HttpClient, HttpRequest } from '../http-types'
import { loadPubmedCorpus } from '../../../../e2e/replay/ncbi-corpus'
import { pubmedArticleSet } from '../../../../e2e/replay/ncbi-replies'
import { fetchPubmedRecords } from './eutils'
import { fixtureText } from './fixture-files.test-support'

const pmids = Array.from({ length: 450 }, (_, i) => String(1000 + i))

/** A stand-in for the HTTP client: answers each efetch with the body given for its turn (an Error: fails), noting how many PMIDs each asked for. */
function standIn(bodies: (string | Error)[]) {
  const asked: number[] = []
  const http = {
    getText: async (req: HttpRequest) => {
      asked.push(String(req.form?.id).split(',').length)
      const body = bodies[asked.length - 1]
      if (body instanceof Error) throw body
      return body
    }
  } as unknown as HttpClient
  return { http, asked }
}

describe('fetchPubmedRecords', () => {
  it('asks in batches of 200 and reads every reply in order', async () => {
    const reply = fixtureText('efetch', 'biocommons_23121403_investigators_RCT.xml')
    const { http, asked } = standIn([reply, reply, reply])
    const records = await fetchPubmedRecords(pmids, { http, eutilsUrl: 'https://eutils.example/', idconvUrl: 'https://idconv.example/' })
    expect(records.map(r => r.pmid)).toEqual(['23121403', '23121403', '23121403'])
    expect(asked).toEqual([200, 200, 50])
  })

  it('has asked for the next batch before reading a reply: a cut-off first reply fails the whole, the failing second is not left unhandled', async () => {
    const reply = fixtureText('efetch', 'biocommons_23121403_investigators_RCT.xml')
    const { http, asked } = standIn([reply.slice(0, 5000), new ServiceError('OFFLINE', 'Could not reach eutils.example.')])
    const attempt = fetchPubmedRecords(pmids, { http, eutilsUrl: 'https://eutils.example/', idconvUrl: 'https://idconv.example/' })
    await expect(attempt).rejects.toThrow(ServiceError)
    await expect(attempt).rejects.toThrow('PubMed sent a reply that could not be read.')
    expect(asked).toEqual([200, 200])
  })

  it("sends the next request while it reads a long reply: main's thread takes other work between the reply's slices", async () => {
    const corpus = loadPubmedCorpus().records
    const long = pubmedArticleSet(corpus) // 31 records, about half a megabyte
    const short = fixtureText('efetch', 'biocommons_23121403_investigators_RCT.xml')
    const log: string[] = []
    let done = false
    const otherWork = (): void => {
      if (done) return
      log.push('other work')
      setImmediate(otherWork)
    }
    const http = {
      getText: async (req: HttpRequest) => {
        const n = log.filter(entry => entry.startsWith('sent')).length + 1
        // the client's wait for NCBI's next turn: a timer, which runs only when main's thread is free
        if (n > 1) await new Promise(resolve => setImmediate(resolve))
        log.push(`sent ${n} (${String(req.form?.id).split(',').length} PMIDs)`)
        return n === 1 ? long : short
      }
    } as unknown as HttpClient
    setImmediate(otherWork)
    const records = await fetchPubmedRecords(pmids.slice(0, 250), { http, eutilsUrl: 'https://eutils.example/', idconvUrl: 'https://idconv.example/' })
    done = true
    expect(records).toHaveLength(corpus.length + 1)
    const second = log.indexOf('sent 2 (50 PMIDs)')
    expect(second).toBeGreaterThan(log.indexOf('sent 1 (200 PMIDs)'))
    // after the second request left, the first reply was still being read, a slice at a time
    expect(log.slice(second).filter(entry => entry === 'other work').length).toBeGreaterThanOrEqual(2)
  })

  it('reads replies one at a time in the order they came: a long first reply is done before a short second one (lookups are stored in order)', async () => {
    const long = pubmedArticleSet(loadPubmedCorpus().records)
    const short = fixtureText('efetch', 'biocommons_23121403_investigators_RCT.xml')
    const deps = (reply: string) => ({
      http: { getText: async () => reply } as unknown as HttpClient,
      eutilsUrl: 'https://eutils.example/',
      idconvUrl: 'https://idconv.example/'
    })
    const done: string[] = []
    await Promise.all([
      fetchPubmedRecords(pmids.slice(0, 31), deps(long)).then(() => done.push('first lookup')),
      fetchPubmedRecords(pmids.slice(31, 32), deps(short)).then(() => done.push('second lookup'))
    ])
    expect(done).toEqual(['first lookup', 'second lookup'])
  })
})
