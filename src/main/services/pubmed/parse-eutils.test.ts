// Every recorded esearch, esummary, elink and idconv reply in e2e/fixtures/pubmed.
import { describe, expect, it } from 'vitest'
import { ServiceError } from '@shared/result'
import { fixtureNames, fixtureText } from './fixture-files.test-support'
import { parseIdConverterReply, parseLinkReply, parseSearchReply, parseSummaryReply } from './parse-eutils'

function errorOf(run: () => unknown): ServiceError {
  try {
    run()
  } catch (e) {
    if (e instanceof ServiceError) return e
    throw e
  }
  throw new Error('expected a ServiceError')
}

describe('esearch', () => {
  it('covers every esearch fixture', () => {
    for (const name of fixtureNames('esearch')) expect(() => parseSearchReply(fixtureText('esearch', name))).not.toThrow()
  })

  it('biopython_esearch1_count63.xml: count and the first page of PMIDs', () => {
    const r = parseSearchReply(fixtureText('esearch', 'biopython_esearch1_count63.xml'))
    expect(r.count).toBe(63)
    expect(r.ids).toHaveLength(20)
    expect(r.ids[0]).toBe('41282813')
    expect(r.ids.at(-1)).toBe('37810457')
    expect(r).not.toHaveProperty('webEnv')
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
  })

  it('biopython_esearch8_zero_results_ErrorList.xml: no hits, with the phrase PubMed did not find', () => {
    const r = parseSearchReply(fixtureText('esearch', 'biopython_esearch8_zero_results_ErrorList.xml'))
    expect(r).toEqual({ count: 0, ids: [], errors: ['Phrase not found: abcXYZ'], warnings: ['No items found.'] })
  })

  it('ncbi_eutilsjson_esearch_pubmed.xml: history server keys, and the top-level Count only', () => {
    const r = parseSearchReply(fixtureText('esearch', 'ncbi_eutilsjson_esearch_pubmed.xml'))
    expect(r.count).toBe(15169)
    expect(r.ids).toHaveLength(100)
    expect(r.ids[0]).toBe('23175848')
    expect(r.queryKey).toBe('1')
    expect(r.webEnv).toBe('NCID_1_18991374_130.14.18.48_5555_1353814292_87026138')
  })

  it('ncbi_eutilsjson_esearch_pubmed.json: the same search as JSON, text or parsed', () => {
    const text = fixtureText('esearch', 'ncbi_eutilsjson_esearch_pubmed.json')
    const r = parseSearchReply(text)
    expect(r.count).toBe(15169)
    expect(r.ids[0]).toBe('23175848')
    expect(r.queryKey).toBe('1')
    expect(r.webEnv).toBe('NCID_1_18991374_130.14.18.48_5555_1353814292_87026138')
    expect(parseSearchReply(JSON.parse(text) as object)).toEqual(r)
  })

  it('ncbi_eutilsjson_esearch_error_phrase_not_found.json: results for the valid part plus the unknown phrase', () => {
    const r = parseSearchReply(fixtureText('esearch', 'ncbi_eutilsjson_esearch_error_phrase_not_found.json'))
    expect(r.count).toBe(5163)
    expect(r.ids).toHaveLength(20)
    expect(r.errors).toEqual(['Phrase not found: fleegle[MeSH Terms]'])
  })

  it('refuses a cut-off reply', () => {
    const xml = fixtureText('esearch', 'biopython_esearch1_count63.xml')
    expect(errorOf(() => parseSearchReply(xml.slice(0, 300))).code).toBe('BAD_RESPONSE')
    expect(errorOf(() => parseSearchReply('{"esearchresult": {"count": "5')).code).toBe('BAD_RESPONSE')
  })
})

describe('esummary', () => {
  it('biopython_esummary1_pubmed_docsum.xml: version 1.0 DocSums', () => {
    const r = parseSummaryReply(fixtureText('esummary', 'biopython_esummary1_pubmed_docsum.xml'))
    expect(r).toEqual([
      {
        pmid: '11850928',
        title: 'Zirconium granuloma following treatment of rhus dermatitis.',
        journal: 'Arch Dermatol',
        year: 1965,
        authors: ['LoPresti PJ', 'Hambrick GW Jr']
      },
      {
        pmid: '11482001',
        title: 'Adverse and beneficial effects of plant extracts on skin and skin disorders.',
        journal: 'Adverse Drug React Toxicol Rev',
        year: 2001,
        authors: ['Mantle D', 'Gok MA', 'Lennard TW']
      }
    ])
  })

  it('ncbi_eutilsjson_esummary_pubmed_v2.xml and .json: version 2.0 XML and JSON agree, DOI included', () => {
    const xml = parseSummaryReply(fixtureText('esummary', 'ncbi_eutilsjson_esummary_pubmed_v2.xml'))
    const json = parseSummaryReply(fixtureText('esummary', 'ncbi_eutilsjson_esummary_pubmed.json'))
    expect(xml[0]).toEqual({
      pmid: '5683731',
      title: 'An assistive device for smoking.',
      journal: 'Paraplegia',
      year: 1968,
      authors: ['Goldberg MJ', 'Davis LJ'],
      doi: '10.1038/sc.1968.18'
    })
    expect(xml[1]).toMatchObject({ pmid: '22144687', journal: 'Nucleic Acids Res', year: 2012 })
    expect(xml[1].authors).toEqual(['Benson DA', 'Karsch-Mizrachi I', 'Clark K', 'Lipman DJ', 'Ostell J', 'Sayers EW'])
    expect(json).toEqual(xml)
  })

  it("biopython_esummary8_error_no_id.xml: NCBI's ERROR becomes BAD_RESPONSE with its reason", () => {
    const e = errorOf(() => parseSummaryReply(fixtureText('esummary', 'biopython_esummary8_error_no_id.xml')))
    expect(e.code).toBe('BAD_RESPONSE')
    expect(e.message).toBe('PubMed could not list these records (Neither query_key nor id specified).')
  })

  it('ncbi_eutilsjson_esummary_error_bad_db.json: the JSON refusal too', () => {
    const e = errorOf(() => parseSummaryReply(fixtureText('esummary', 'ncbi_eutilsjson_esummary_error_bad_db.json')))
    expect(e.code).toBe('BAD_RESPONSE')
    expect(e.message).toContain('Invalid db name specified: fleegle')
  })
})

describe('elink', () => {
  it('biopython_elink1_pubmed_similar_and_citedin.xml: every link set by name', () => {
    const links = parseLinkReply(fixtureText('elink', 'biopython_elink1_pubmed_similar_and_citedin.xml'))
    expect(Object.keys(links)).toEqual([
      'pubmed_pubmed',
      'pubmed_pubmed_citedin',
      'pubmed_pubmed_combined',
      'pubmed_pubmed_five',
      'pubmed_pubmed_refs',
      'pubmed_pubmed_reviews',
      'pubmed_pubmed_reviews_five'
    ])
    expect(links.pubmed_pubmed.slice(0, 3)).toEqual(['9298984', '8794856', '9700164'])
    expect(Object.values(links).flat()).toHaveLength(212)
    expect(links.pubmed_pubmed_refs.length).toBeGreaterThan(0)
    expect(links.pubmed_pubmed_citedin.length).toBeGreaterThan(0)
  })

  it('biopython_elink4_pubmed_links_single_id.xml: similar and cited-in for one PMID', () => {
    const links = parseLinkReply(fixtureText('elink', 'biopython_elink4_pubmed_links_single_id.xml'))
    expect(links).toHaveProperty('pubmed_pubmed')
    expect(links).toHaveProperty('pubmed_pubmed_citedin')
    expect(Object.values(links).flat()).toHaveLength(178)
  })

  it('metapub_elink_pubmed_pubmed_related.xml: the similar-articles list (older DTD)', () => {
    const links = parseLinkReply(fixtureText('elink', 'metapub_elink_pubmed_pubmed_related.xml'))
    // SOURCES.md mentions only pubmed_pubmed; the file holds six link sets.
    expect(links.pubmed_pubmed).toHaveLength(76)
    expect(links.pubmed_pubmed_citedin).toHaveLength(6)
    expect(links.pubmed_pubmed_reviews).toHaveLength(11)
    expect(links.pubmed_pubmed.slice(0, 2)).toEqual(['14873513', '16450204'])
  })

  it('metapub_elink_medgen_pubmed_empty.xml and biopython_elink8_ncheck_HasNeighbor.xml: no link sets, no links', () => {
    expect(parseLinkReply(fixtureText('elink', 'metapub_elink_medgen_pubmed_empty.xml'))).toEqual({})
    expect(parseLinkReply(fixtureText('elink', 'biopython_elink8_ncheck_HasNeighbor.xml'))).toEqual({})
  })

  it('refuses a reply that is not an eLinkResult', () => {
    expect(errorOf(() => parseLinkReply(fixtureText('esearch', 'biopython_esearch1_count63.xml'))).code).toBe('BAD_RESPONSE')
  })
})

describe('idconv', () => {
  it('rcrossref_idconv_doi_to_pmcid.json: DOI → PMCID and PMID', () => {
    expect(parseIdConverterReply(fixtureText('idconv', 'rcrossref_idconv_doi_to_pmcid.json'))).toEqual([
      { pmcid: 'PMC2883744', pmid: '20495566', doi: '10.1038/ng.590' }
    ])
  })

  it("rcrossref_idconv_error_404_bad_idtype.json: the converter's refusal, decoded", () => {
    const e = errorOf(() => parseIdConverterReply(fixtureText('idconv', 'rcrossref_idconv_error_404_bad_idtype.json')))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toBe("The PMC ID converter refused the request: ID type 'doi' mismatch for '28371833'.")
  })
})

describe('esummary with an unknown PMID in the batch', () => {
  it("keeps the good summaries beside NCBI's per-id error", () => {
    const xml = `<?xml version="1.0" ?><eSummaryResult><DocSum><Id>123</Id><Item Name="Title" Type="String">A paper</Item><Item Name="Source" Type="String">J Test</Item><Item Name="PubDate" Type="Date">2020 Jan</Item></DocSum><ERROR>UID=999: cannot get document summary</ERROR></eSummaryResult>`
    expect(parseSummaryReply(xml)).toEqual([{ pmid: '123', title: 'A paper', journal: 'J Test', year: 2020, authors: [] }])
  })
})
