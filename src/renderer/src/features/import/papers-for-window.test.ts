// Where a writer worker writes a file's papers, the reader sends them whole to the writer, once, and the window only
// what it keeps of each: its light copy and its abstract, as bytes handed over. Every paper of every bibliography
// fixture arrives so, nothing lost; no message to the window carries a whole paper.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import type { Item, PeptideTag } from '@shared/model'
import { fieldValue } from '@shared/search/fields'
import { basics } from '../../library/item-basics'
import { KeptAbstracts } from '../../library/abstract-bytes'
import { loadPeptideTagger } from '../../library/peptide-tagger'
import { rowRead } from '../../library/row-read'
import { readAndSend, type ReaderMessage } from './read-file'
import { WriterReceiver, type PapersForWriter } from './items-wire'
import { PapersReceiver, PapersSender } from './papers-for-window'

beforeAll(loadPeptideTagger)

const fixtures = path.join(import.meta.dirname, '../../../../../e2e/fixtures')
const files = ['bibtex', 'ris', 'other', 'csl']
  .flatMap(folder => readdirSync(path.join(fixtures, folder)).map(name => path.join(fixtures, folder, name)))
  .filter(file => statSync(file).isFile())

/** What the reader sent, with a writer: the writer's papers, and the window's messages with what each handed over. */
async function read(name: string, bytes: Uint8Array) {
  const writer: Item[] = []
  const texts: string[] = []
  const receiver = new WriterReceiver()
  const port = {
    postMessage: (whole: PapersForWriter) => {
      texts.push(whole.rest, ...whole.part.newValues)
      // as the library reads the rows back
      writer.push(...receiver.papers(structuredClone(whole)).map(item => rowRead(item) as unknown as Item))
    }
  } as unknown as MessagePort
  const window: { message: ReaderMessage; transfer: Transferable[] }[] = []
  await readAndSend({ name, bytes, writer: port }, (message, transfer = []) => window.push({ message, transfer }))
  return { writer, window, texts }
}

it('sends the window of every paper of every bibliography fixture its light copy and its abstract, the writer the paper whole', async () => {
  let papers = 0
  for (const file of files) {
    const { writer, window } = await read(path.basename(file), new Uint8Array(readFileSync(file)))
    const receiver = new PapersReceiver()
    const abstracts = new KeptAbstracts()
    const light = window.flatMap(({ message }) => {
      if (message.kind !== 'papers') return []
      const arrived = receiver.papers(message)
      arrived.forEach((paper, at) => abstracts.set(paper.id, { block: message.abstracts, at }))
      return arrived
    })
    expect(light, file).toEqual(writer.map(basics))
    for (const item of writer) expect(abstracts.get(item.id), file).toBe(fieldValue(item, undefined, 'abstract')[0])
    papers += writer.length
  }
  expect(papers).toBeGreaterThan(250)
})

it('hands the window each message’s bytes over rather than a text of whole papers, and the writer each paper once, its abstract as bytes', async () => {
  const bib = Array.from(
    { length: 250 },
    (_, n) => `@article{k${n},\n  title = {Oxytocin study ${n}},\n  abstract = {Vasopressin and μ-opioid ${n}.}\n}\n`
  ).join('\n')
  const { writer, window, texts } = await read('refs.bib', new TextEncoder().encode(bib))
  expect(writer.map(item => item.citationKey)).toEqual(Array.from({ length: 250 }, (_, n) => `k${n}`))
  // the writer has the abstracts whole, though not in its JSON text: they come as the window's bytes
  expect(writer.map(item => item.csl.abstract)).toEqual(Array.from({ length: 250 }, (_, n) => `Vasopressin and μ-opioid ${n}.`))
  expect(texts.filter(text => text.includes('Vasopressin and'))).toEqual([])
  const kinds = window.map(({ message }) => message.kind)
  expect(kinds).toEqual(['read', 'papers', 'papers', 'papers', 'done'])
  for (const { message, transfer } of window) {
    if (message.kind !== 'papers') continue
    // nothing of the message is a text holding papers: their light copies and abstracts are bytes, handed over
    expect(Object.values(message).filter(value => typeof value === 'string')).toEqual(['papers'])
    expect(transfer).toContain(message.part.lines.buffer)
    expect(transfer).toContain(message.abstracts.bytes.buffer)
  }
})

it('gives the window back each paper’s light copy whatever its texts: quotes, backslashes, non-ASCII, lone surrogates, empty, names in either order', () => {
  const awkward = ['', 'O"Brien', 'back\\slash', 'Søndergaard', 'μ-opioid', '\ud800 lone', '{\\"a\\"}', 'null', '[]']
  const names = awkward.flatMap(given =>
    awkward.flatMap(family => [{ given, family }, { family, given }, { family, given, suffix: 'Jr.' }, { literal: family }])
  )
  const peptides = [
    { peptide: 'Oxytocin', family: 'oxytocin/vasopressin', evidence: [] },
    { peptide: 'Oxytocin', family: 'oxytocin/vasopressin', evidence: [], receptor: 'Oxytocin receptor' },
    { peptide: 'Oxytocin', family: 'oxytocin/vasopressin', evidence: [], receptor: '' },
    { peptide: 'Oxytocin', family: 'oxytocin/vasopressin', evidence: [{ source: 'mesh', text: 'Oxytocin' }] },
    { peptide: 'Oxytocin', family: 'opioid', evidence: [{ source: 'title', text: 'oxytocin' }] },
    { peptide: 'Oxytocin', evidence: [] }
  ]
  const items = awkward.map((text, n) => ({
    id: `p${n}`,
    sources: [text],
    tags: n % 2 ? [text, 'b'] : [],
    citationKey: text,
    peptideTags: peptides.slice(n % peptides.length),
    csl: {
      type: 'article-journal',
      title: text,
      DOI: text,
      author: names.slice(n * 7, n * 7 + 40),
      editor: [Object.assign(Object.create(null), { given: text, family: 'E' }), { given: 1, family: text }, [text, 'x']],
      issued: { 'date-parts': [[2000 + n]] }
    },
    doi: text,
    doiKey: text
  })) as unknown as Item[]
  const sender = new PapersSender()
  const receiver = new PapersReceiver()
  // two messages: the values they share numbered across both
  for (const chunk of [items, [...items].reverse()]) {
    const message = structuredClone(sender.onTheWay(chunk))
    const papers = receiver.papers(message)
    expect(papers).toEqual(chunk.map(basics))
    // each tag as the paper has it, with only its MeSH evidence (basics is not its own check)
    const meshOnly = (tag: PeptideTag) => ({ ...tag, evidence: tag.evidence.filter(evidence => evidence.source === 'mesh') })
    expect(papers.map(paper => paper.peptideTags)).toEqual(chunk.map(item => item.peptideTags!.map(meshOnly)))
  }
})
