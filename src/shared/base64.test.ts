import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from './base64'

const PDF = path.resolve(import.meta.dirname, '../../e2e/fixtures/pdf/articles/peerj_cs_2019_10.7717_peerj-cs.213.pdf')

describe('base64 for PDF bytes', () => {
  it('round-trips a real 1.6 MB article exactly as Node encodes it', () => {
    const bytes = new Uint8Array(readFileSync(PDF))
    const text = bytesToBase64(bytes)
    expect(text).toBe(Buffer.from(bytes).toString('base64'))
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true)
  })
})
