// Peptide tags for real sentences from the fixture records (e2e/fixtures/…):
// titles, abstracts, keywords, MeSH, and the cited-work titles inside those
// records. A few cases change one word of a real sentence to show a form the
// fixtures do not contain; they are marked "variant".
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Chemical, MeshHeading, ReferenceRecord } from '../model'
import { createPeptideMatcher, type PeptideTag } from './match'
import { describeEvidence } from './evidence'
import { parsePeptideVocab } from './vocab'

const vocabFile = path.join(import.meta.dirname, '../../../resources/vocab/neuropeptides.json')
const matcher = createPeptideMatcher(parsePeptideVocab(JSON.parse(fs.readFileSync(vocabFile, 'utf8'))))

interface Fields {
  title?: string
  abstract?: string
  keywords?: string[]
  mesh?: MeshHeading[]
  chemicals?: Chemical[]
}
const record = (f: Fields): ReferenceRecord => ({
  csl: { type: 'article-journal', title: f.title, abstract: f.abstract },
  keywords: f.keywords,
  mesh: f.mesh,
  chemicals: f.chemicals,
  sources: ['pubmed']
})
/** "Oxytocin" or "Vasopressin + Vasopressin V1b receptor": what the tag list shows */
const shown = (tags: PeptideTag[]) => tags.map(t => (t.receptor ? `${t.peptide} + ${t.receptor}` : t.peptide))
const evidence = (tags: PeptideTag[]) => tags.flatMap(t => t.evidence.map(describeEvidence))

const SOCIAL_FEAR = 'pubmed/efetch/metapub_38147649_oxytocin_vasopressin_social_fear.xml'
const KB220 = 'pubmed/efetch/metapub_32934823_naltrexone_addiction_KB220.xml'

interface Case {
  from: string
  field: 'title' | 'abstract' | 'keyword'
  text: string
  tags: string[]
  evidence?: string[]
}

const cases: Case[] = [
  // --- peptides named in full ---
  {
    from: `${SOCIAL_FEAR} abstract`,
    field: 'abstract',
    text: 'Moreover, increasing data supports a role for immune function and oxytocin signalling in social responses.',
    tags: ['Oxytocin'],
    evidence: ['abstract: oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} abstract`,
    field: 'abstract',
    text: 'This distinct heightened social fear response was coupled with changes in central and peripheral immune function and oxytocin expression in the bed nucleus of the stria terminalis.',
    tags: ['Oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 24964815`,
    field: 'title',
    text: 'Brain oxytocin in social fear conditioning and its extinction: Involvement of the lateral septum.',
    tags: ['Oxytocin'],
    evidence: ['title: oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 26208744`,
    field: 'title',
    text: 'Oxytocin in general anxiety and social fear: A translational approach.',
    tags: ['Oxytocin'],
    evidence: ['title: Oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 31104950`,
    field: 'title',
    text: 'A fear memory engram and its plasticity in the hypothalamic oxytocin system.',
    tags: ['Oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 36466805`,
    field: 'title',
    text: 'The modulation of emotional and social behaviors by oxytocin signaling in limbic network.',
    tags: ['Oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 24025838`,
    field: 'title',
    text: 'Social reward requires coordinated activity of nucleus accumbens oxytocin and serotonin.',
    tags: ['Oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 33020267`,
    field: 'title',
    text: 'Extrahypothalamic oxytocin neurons drive stress-induced social vigilance and avoidance.',
    tags: ['Oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 11588199`,
    field: 'title',
    text: 'Oxytocin in the medial amygdala is essential for social recognition in the mouse.',
    tags: ['Oxytocin']
  },
  {
    from: `${SOCIAL_FEAR} reference 29518698`,
    field: 'title',
    text: 'Sex differences in the regulation of social and anxiety-related behaviors: Insights from vasopressin and oxytocin brain systems.',
    tags: ['Vasopressin', 'Oxytocin']
  },
  { from: `${KB220} reference 6107608`, field: 'title', text: 'Anti-endorphin effects of methadone.', tags: ['Endorphins'], evidence: ['title: endorphin'] },
  // --- receptors tag the peptide they bind ---
  {
    from: `${SOCIAL_FEAR} reference 31000694`,
    field: 'title',
    text: 'Oxytocin receptors in the dorsolateral bed nucleus of the stria terminalis (BNST) bias fear learning toward temporally predictable cued fear.',
    tags: ['Oxytocin + Oxytocin receptor'],
    evidence: ['title: Oxytocin receptors']
  },
  {
    from: `${SOCIAL_FEAR} reference 30804095`,
    field: 'title',
    text: 'Oxytocin receptors are expressed by glutamatergic prefrontal cortical neurons that selectively modulate social recognition.',
    tags: ['Oxytocin + Oxytocin receptor']
  },
  {
    from: `${SOCIAL_FEAR} reference 19261862`,
    field: 'title',
    text: 'Vasopressin 1b receptor knock-out impairs memory for temporal order.',
    tags: ['Vasopressin + Vasopressin V1b receptor'],
    evidence: ['title: Vasopressin 1b receptor']
  },
  {
    from: `${SOCIAL_FEAR} reference 17284170`,
    field: 'title',
    text: 'Disruption of the vasopressin 1b receptor gene impairs the attack component of aggressive behavior in mice.',
    tags: ['Vasopressin + Vasopressin V1b receptor']
  },
  {
    from: `${SOCIAL_FEAR} reference 12399951`,
    field: 'title',
    text: 'Vasopressin V1b receptor knockout reduces aggressive behavior in male mice.',
    tags: ['Vasopressin + Vasopressin V1b receptor']
  },
  {
    from: `${SOCIAL_FEAR} reference 21397619 ("vasopressinergic" is no match, "V1b receptor" is)`,
    field: 'title',
    text: 'Effects of chronic social defeat on behavioral and neural correlates of sociality: Vasopressin, oxytocin and the vasopressinergic V1b receptor.',
    tags: ['Vasopressin + Vasopressin V1b receptor', 'Oxytocin'],
    evidence: ['title: Vasopressin', 'title: V1b receptor', 'title: oxytocin']
  },
  {
    from: `${KB220} reference 11091024`,
    field: 'title',
    text: 'Reduction of alcohol drinking and upregulation of opioid receptors by oral naltrexone in AA rats.',
    tags: ['Endogenous opioid peptides + Opioid receptors']
  },
  // --- false friends from the fixtures: no tag ---
  {
    from: `${KB220} reference 15288384 (enkephalinase is an enzyme)`,
    field: 'title',
    text: 'Narcotic antagonists in drug dependence: pilot study showing enhancement of compliance with SYN-10, amino-acid precursors and enkephalinase inhibition therapy.',
    tags: []
  },
  {
    from: `${KB220} abstract`,
    field: 'abstract',
    text: 'This well studied complex consists of amino-acid neurotransmitter precursors and enkephalinase inhibitor therapy compared to treatment as usual.',
    tags: []
  },
  {
    from: `${KB220} abstract (opioid drugs are not opioid peptides)`,
    field: 'abstract',
    text: 'In a recent review, Mayo Clinic Proceedings (October 2019), Gold and colleagues at Mayo Clinic reviewed the available medications used in opioid use disorders and concluded that in private and community practice adherence is more important as a limiting factor to retention, relapse, and repeat overdose.',
    tags: []
  },
  { from: `${KB220} keyword`, field: 'keyword', text: 'opioid crisis', tags: [] },
  { from: `${KB220} reference 4794989`, field: 'title', text: 'Naloxone, naltrexone, and related noroxymorphones.', tags: [] },
  {
    from: `${KB220} reference 29525452 (substance use, not substance P)`,
    field: 'title',
    text: 'Adolescent neurocognitive development and impacts of substance use: Overview of the adolescent brain cognitive development (ABCD) baseline neurocognition battery.',
    tags: []
  },
  { from: `${KB220} reference 22514855`, field: 'title', text: 'Center for Substance Abuse Treatment. Chapter 4-Oral Naltrexone.', tags: [] },
  {
    from: `${KB220} reference 5220498 (VP = initials; vasopressin is ambiguous "VP")`,
    field: 'title',
    text: 'Dole VP (1966) Rehabilitation of heroin addicts after blockade with methadone.',
    tags: []
  },
  {
    from: `${KB220} reference 29613999 (dopamine receptors are no peptide receptors)`,
    field: 'title',
    text: 'Exercise reduces dopamine D1R and increases D2R in rats: Implications for addiction.',
    tags: []
  },
  {
    from: `${KB220} reference 19305802`,
    field: 'title',
    text: 'Allosteric modulators of GABA(B) receptors: mechanism of action and therapeutic perspective.',
    tags: []
  },
  {
    from: 'pubmed/efetch/metapub_39382274_collective_plus_persons_greek.xml abstract (OXA-48 is a β-lactamase, OXA an orexin-A abbreviation)',
    field: 'abstract',
    text: 'The collection covered nine carbapenemase associations: VIM + OXA-48 (21/57), NDM + OXA-48 (11/57), KPC + VIM (10/57), KPC + OXA-48 (6/57), IMP + OXA-48 (3/57), NDM + KPC (2/57), NDM + VIM (2/57), NDM + GES (1/57), and KPC + IMP (1/57).',
    tags: []
  },
  {
    from: 'pubmed/efetch/metapub_39382274_collective_plus_persons_greek.xml title',
    field: 'title',
    text: 'Assessment of the activity and mechanisms of resistance to cefiderocol and combinations of β-lactams and the novel β-lactamase inhibitors avibactam, taniborbactam, zidebactam, nacubactam, xeruborbactam, and ANT3310 in emerging double-carbapenemase-producing Enterobacterales.',
    tags: []
  },
  {
    from: 'pubmed/efetch/biopython_pubmed7_collective_name_references.xml abstract (CT = computed tomography, not calcitonin)',
    field: 'abstract',
    text: 'Image processing modules and algorithm pipelines were embedded within a graphical user interface (based on the .NET framework) for pulmonary magnetic resonance imaging (MRI) and x-ray computed-tomography (CT) datasets.',
    tags: []
  },
  {
    from: 'pdf/articles/portland_clinsci_2014_CS20130403.pdf abstract (an enzyme named after angiotensin)',
    field: 'abstract',
    text: 'ACE (angiotensin-1-converting enzyme) is a zinc metallopeptidase that plays a prominent role in blood pressure regulation and electrolyte homeostasis.',
    tags: []
  },
  {
    from: 'pubmed/efetch/metapub_38914053_sub_in_title.xml abstract (AM1.5, not adrenomedullin)',
    field: 'abstract',
    text: 'Highly transparent thin films which transmit more than 95% of the AM1.5 global solar irradiance over a wide spectral range (300-1000 nm) were obtained.',
    tags: []
  },
  {
    from: 'crossref/works/habanero_works_10.1002_jor.1100150407.json abstract (a ghrelin mimetic, but no peptide is named)',
    field: 'abstract',
    text: 'Each day throughout the 15 weeks, one group received a growth hormone secretagogue (treatment) at a dose of 5 mg/kg, and the other received a lactose placebo (control).',
    tags: []
  },
  {
    from: 'crossref/works/prereview_works_biorxiv_family_name_only.json cited title (UTR = untranslated region)',
    field: 'title',
    text: 'An RNA G- quadruplex in the 5′ UTR of the NRAS proto-oncogene modulates translation',
    tags: []
  },
  {
    from: 'other/csl-json/csl-test-suite_disambiguate_ByCiteIncremental1.json title (PHM)',
    field: 'title',
    text: 'The Interaction of PSS and PHM-a mutual benefit case',
    tags: []
  },
  {
    from: 'pubmed/efetch/metapub_20301577_PubmedBookArticle_GeneReviews.xml reference 21910241 (SP = initials)',
    field: 'title',
    text: 'Etheridge SP, Bowles NE, Arrington CB, Pilcher T, Rope A, Wilde AA, Alders M, Saarel EV, Tavernier R, Timothy KW, Tristani-Firouzi M. Somatic mosaicism contributes to phenotypic variation in Timothy syndrome.',
    tags: []
  },
  {
    from: `${SOCIAL_FEAR} reference 35108497 (Greek letter, no peptide)`,
    field: 'title',
    text: '3β-Hydroxysteroid dehydrogenase expressed by gut microbes degrades testosterone and is linked to depression in males.',
    tags: []
  },
  {
    from: `${SOCIAL_FEAR} reference 12084662 (HPA axis names no peptide)`,
    field: 'title',
    text: 'HPA axis response to a psychological stressor in generalised social phobia.',
    tags: []
  },
  {
    from: `${SOCIAL_FEAR} reference 17513435 (arginine alone is not arginine vasopressin)`,
    field: 'title',
    text: 'Arginine metabolism: Boundaries of our knowledge.',
    tags: []
  },
  {
    from: 'pubmed/efetch/metapub_37167981_mu_and_italic_in_title.xml title (μ and markup)',
    field: 'title',
    text: 'Monte Carlo simulation of micro-x-ray fluorescence (<i>μ</i>-XRF) based detection of immunomagnetically labeled tumor cells.',
    tags: []
  },
  // --- variants: one word of a real sentence changed, for forms the fixtures lack ---
  {
    from: `variant of ${KB220} reference 6107608: Greek letter`,
    field: 'title',
    text: 'Anti-β-endorphin effects of methadone.',
    tags: ['beta-Endorphin'],
    evidence: ['title: β-endorphin']
  },
  {
    from: `variant of ${KB220} reference 6107608: spelled out, no hyphen`,
    field: 'title',
    text: 'Anti-beta endorphin effects of methadone.',
    tags: ['beta-Endorphin']
  },
  { from: `variant of ${KB220} reference 6107608: run together`, field: 'title', text: 'Anti-betaendorphin effects of methadone.', tags: ['beta-Endorphin'] },
  {
    from: `variant of ${SOCIAL_FEAR} reference 31000694: gene symbol`,
    field: 'title',
    text: 'OXTR in the dorsolateral bed nucleus of the stria terminalis (BNST) bias fear learning toward temporally predictable cued fear.',
    tags: ['Oxytocin + Oxytocin receptor'],
    evidence: ['title: OXTR']
  },
  {
    from: `variant of ${SOCIAL_FEAR} reference 11588199: rodent gene form`,
    field: 'title',
    text: 'Oxt in the medial amygdala is essential for social recognition in the mouse.',
    tags: ['Oxytocin']
  },
  {
    from: `variant of ${SOCIAL_FEAR} reference 11588199: a gene symbol in lower case is not one`,
    field: 'title',
    text: 'oxt in the medial amygdala is essential for social recognition in the mouse.',
    tags: []
  },
  {
    from: `variant of ${SOCIAL_FEAR} reference 11588199: plural`,
    field: 'title',
    text: 'Orexins in the medial amygdala are essential for social recognition in the mouse.',
    tags: ['Orexins / hypocretins']
  },
  {
    from: `variant of ${SOCIAL_FEAR} reference 11588199: "orexin" is not in "anorexia"`,
    field: 'title',
    text: 'Anorexia in the medial amygdala is essential for social recognition in the mouse.',
    tags: []
  },
  {
    from: `variant of ${SOCIAL_FEAR} reference 11588199: "NPY" inside a word`,
    field: 'title',
    text: 'NPYergic input to the medial amygdala is essential for social recognition in the mouse.',
    tags: []
  },
  {
    from: `variant of ${SOCIAL_FEAR} reference 11588199: receptor subtype abbreviation`,
    field: 'title',
    text: 'CRF1 in the medial amygdala is essential for social recognition in the mouse.',
    tags: ['Corticotropin-Releasing Hormone + CRF type 1 receptor']
  },
  {
    from: `variant of ${SOCIAL_FEAR} reference 12084662: CRF alone means chronic renal failure as often`,
    field: 'title',
    text: 'CRF response to a psychological stressor in generalised social phobia.',
    tags: []
  },
  {
    from: `variant of ${SOCIAL_FEAR} abstract: "OT" counts once oxytocin is named`,
    field: 'abstract',
    text: 'Moreover, increasing data supports a role for immune function and oxytocin (OT) signalling in social responses. OT expression changed in the bed nucleus of the stria terminalis.',
    tags: ['Oxytocin'],
    evidence: ['abstract: oxytocin', 'abstract: OT']
  },
  {
    from: `variant of ${SOCIAL_FEAR} abstract: "OT" alone is occupational therapy as often`,
    field: 'abstract',
    text: 'Moreover, increasing data supports a role for immune function and OT in social responses.',
    tags: []
  },
  {
    from: `variant of ${KB220} reference 29525452: substance P`,
    field: 'title',
    text: 'Adolescent neurocognitive development and impacts of substance P: Overview.',
    tags: ['Substance P']
  },
  {
    from: `variant of ${KB220} reference 29525452: "substance. P" is two clauses`,
    field: 'title',
    text: 'Impacts of the substance. P values were adjusted.',
    tags: []
  }
]

describe('peptide tags for real sentences', () => {
  it.each(cases)('$from', c => {
    const fields: Fields = c.field === 'keyword' ? { keywords: [c.text] } : { [c.field]: c.text }
    const tags = matcher.tag(record(fields))
    expect(shown(tags)).toEqual(c.tags)
    if (c.evidence) expect(evidence(tags)).toEqual(c.evidence)
  })
})

describe('peptide tags from MeSH', () => {
  const oxytocin: MeshHeading = { descriptor: 'Oxytocin', ui: 'D010121', majorTopic: false, qualifiers: [] }

  it('puts MeSH evidence before the abstract (record 38147649)', () => {
    const tags = matcher.tag(
      record({
        title: 'Social anxiety disorder-associated gut microbiota increases social fear.',
        abstract: cases[0].text,
        keywords: ['faecal transplant', 'microbiome', 'microbiota-gut-brain axis', 'social phobia'],
        mesh: [{ descriptor: 'Fear', ui: 'D005239', majorTopic: false, qualifiers: [] }, oxytocin],
        chemicals: [{ name: 'Oxytocin', registryNumber: '50-56-6', ui: 'D010121' }]
      })
    )
    expect(tags).toEqual([
      {
        peptide: 'Oxytocin',
        family: 'oxytocin/vasopressin',
        evidence: [
          { source: 'mesh', text: 'Oxytocin' },
          { source: 'abstract', text: 'oxytocin' }
        ]
      }
    ])
  })

  it('matches a heading by name when the record has no UI (MEDLINE .nbib)', () => {
    expect(shown(matcher.tag(record({ mesh: [{ descriptor: 'Oxytocin', majorTopic: true, qualifiers: [] }] })))).toEqual(['Oxytocin'])
  })

  it('lets MeSH back an ambiguous abbreviation in the abstract', () => {
    const tags = matcher.tag(record({ abstract: 'OT expression changed in the bed nucleus of the stria terminalis.', mesh: [oxytocin] }))
    expect(evidence(tags)).toEqual(['MeSH: Oxytocin', 'abstract: OT'])
  })
})

describe('loading the vocabulary', () => {
  const shipped = JSON.parse(fs.readFileSync(vocabFile, 'utf8'))

  it('reads the shipped file: 81 peptides and 70 receptors', () => {
    const vocab = parsePeptideVocab(shipped)
    expect(vocab.entries.filter(e => e.kind === 'peptide')).toHaveLength(81)
    expect(vocab.entries.filter(e => e.kind === 'receptor')).toHaveLength(70)
    expect(vocab.attribution).toContain('U.S. National Library of Medicine')
  })

  it('says in a sentence why a file cannot be used', () => {
    expect(() => parsePeptideVocab({ ...shipped, schemaVersion: 2 })).toThrow(
      'The neuropeptide vocabulary cannot be used: it is version 2, and this Neuroref reads version 1.'
    )
    const orphan = { ...shipped.entries[0], id: 'orphan-receptor', kind: 'receptor', receptorOf: 'no-such-peptide' }
    expect(() => parsePeptideVocab({ ...shipped, entries: [...shipped.entries, orphan] })).toThrow(
      '"orphan-receptor" is a receptor of "no-such-peptide", which is not in the vocabulary'
    )
    expect(() => parsePeptideVocab({ entries: 'none' })).toThrow('it has no list of entries')
  })
})
