// A deterministic, realistic-looking neuropeptide library of any size, for
// benchmarks: same seed, same items. Word frequencies follow a Zipf-like curve
// over a large made-up vocabulary so the index meets as many rare words as a
// real library gives it.
import type { Item, CslName } from '@shared/model'

const PEPTIDES = [
  'oxytocin',
  'vasopressin',
  'CRF',
  'corticotropin-releasing factor',
  'orexin',
  'hypocretin',
  'NPY',
  'neuropeptide Y',
  'dynorphin',
  'enkephalin',
  'β-endorphin',
  'substance P',
  'galanin',
  'ghrelin',
  'leptin',
  'MCH',
  'CART',
  'nociceptin',
  'kisspeptin',
  'PACAP',
  'α-MSH',
  'urocortin',
  'neurotensin',
  'somatostatin',
  'cholecystokinin',
  'κ-opioid',
  'μ-opioid'
]
const COMMON = (
  'the of and in to a with for was were is that by on as from at this are be these or an we which not our rats mice receptor receptors neurons expression stress ' +
  'social behavior behaviour anxiety addiction reward amygdala hypothalamus nucleus accumbens ventral tegmental area prefrontal cortex hippocampus paraventricular ' +
  'signaling release binding antagonist agonist administration intracerebroventricular infusion knockout mRNA protein levels increased decreased significantly ' +
  'effects role mechanisms pathway circuit dopamine serotonin glutamate GABA plasma cortisol corticosterone self-administration cocaine ethanol alcohol opioid ' +
  'morphine heroin nicotine withdrawal relapse craving fear memory learning bonding maternal pair partner preference aggression female male sex differences ' +
  'chronic acute adolescent adult early life maltreatment depression PTSD autism schizophrenia humans patients healthy volunteers intranasal placebo trial ' +
  'randomized double-blind study results suggest data show findings indicate here demonstrate novel evidence using model models analysis'
).split(' ')
const SYLLABLES = [
  'ne',
  'ro',
  'pep',
  'ti',
  'da',
  'ki',
  'sto',
  'lin',
  'va',
  'cor',
  'tex',
  'mo',
  'gen',
  'phy',
  'lo',
  'tri',
  'zan',
  'qui',
  'bra',
  'mel',
  'dor',
  'sy',
  'nap',
  'ax'
]
const FAMILIES = [
  'Miñarro',
  'Müller',
  'Gonçalves',
  'Dvořák',
  'Søndergaard',
  'Łukaszewicz',
  'Núñez',
  'Ferrés',
  'Björk',
  'Çelik',
  'Şahin',
  'Zhang',
  'Wang',
  'Li',
  'Smith',
  'Young',
  'Neumann',
  'Koob',
  'Carter',
  'Insel',
  'Grinevich',
  'de Vries',
  'van der Berg',
  'Ödegaard',
  'Järvinen',
  'García-López',
  'Kovács',
  'Nováková',
  'Tanaka',
  'Kim',
  'Nguyễn',
  "O'Brien",
  'Dubois',
  'Rossi',
  'Ivanova',
  'Bruchas',
  'Ross',
  'Meyer-Lindenberg',
  'Heinrichs',
  'Bale'
]
const GIVENS = [
  'Ana',
  'José',
  'Zoë',
  'Inga D.',
  'Larry J.',
  'Sue C.',
  'Valery',
  'George F.',
  'Björn',
  'Łucja',
  'Thomas R.',
  'Hélène',
  'Jürgen',
  'Ayşe',
  'Wei',
  'Min-Jun',
  'Chloé',
  'Michael R.',
  'Elena',
  'Rohan'
]
const JOURNALS: [string, string][] = [
  ['Neuropsychopharmacology', 'Neuropsychopharmacology'],
  ['Biological Psychiatry', 'Biol Psychiatry'],
  ['The Journal of Neuroscience', 'J Neurosci'],
  ['Nature Neuroscience', 'Nat Neurosci'],
  ['Psychoneuroendocrinology', 'Psychoneuroendocrinology'],
  ['Hormones and Behavior', 'Horm Behav'],
  ['Neuropeptides', 'Neuropeptides'],
  ['Frontiers in Neuroendocrinology', 'Front Neuroendocrinol'],
  ['Addiction Biology', 'Addict Biol'],
  ['Proceedings of the National Academy of Sciences of the United States of America', 'Proc Natl Acad Sci U S A'],
  ['Molecular Psychiatry', 'Mol Psychiatry'],
  ['Peptides', 'Peptides']
]
const MESH = [
  'Oxytocin',
  'Vasopressins',
  'Corticotropin-Releasing Hormone',
  'Orexins',
  'Neuropeptide Y',
  'Dynorphins',
  'Enkephalins',
  'beta-Endorphin',
  'Animals',
  'Humans',
  'Rats',
  'Rats, Sprague-Dawley',
  'Mice',
  'Mice, Knockout',
  'Male',
  'Female',
  'Social Behavior',
  'Anxiety',
  'Stress, Psychological',
  'Substance-Related Disorders',
  'Alcoholism',
  'Amygdala',
  'Nucleus Accumbens',
  'Hypothalamus',
  'Receptors, Oxytocin',
  'Receptors, Opioid, kappa',
  'Reward',
  'Fear',
  'Memory',
  'Administration, Intranasal'
]
const KEYWORDS = [
  'oxytocin',
  'social behavior',
  'stress',
  'addiction',
  'alcohol use disorder',
  'anxiety',
  'CRF1 receptor',
  'kappa opioid receptor',
  'pair bonding',
  'extended amygdala',
  'BNST',
  'orexin',
  'relapse',
  'early life stress',
  'sex differences',
  'intranasal oxytocin',
  'microbiota-gut-brain axis'
]
const TAGS = ['to read', 'review', 'methods', 'grant 2026', 'key paper', 'lab meeting', 'peptide-pharmacology']

/** mulberry32: small, fast, reproducible. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function createSyntheticLibrary(count: number, seed = 42): { items: Item[]; notes: Map<string, string> } {
  const random = randomFrom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list)))]
  // Rare made-up words: rank r is drawn with probability ~ 1/r, up to 400k distinct words.
  const rareWord = () => {
    let rank = Math.floor(Math.exp(random() * Math.log(400_000)))
    let word = ''
    do {
      word += SYLLABLES[rank % SYLLABLES.length]
      rank = Math.floor(rank / SYLLABLES.length)
    } while (rank > 0)
    return word
  }
  const word = () => (random() < 0.07 ? pick(PEPTIDES) : random() < 0.7 ? pick(COMMON) : rareWord())
  const sentence = (length: number) => Array.from({ length }, word).join(' ')
  const authorCount = () => Math.min(30, 1 + Math.floor(-Math.log(1 - random()) * 5))
  const author = (): CslName => (random() < 0.01 ? { literal: 'Oxytocin Consortium' } : { family: pick(FAMILIES), given: pick(GIVENS) })

  const items: Item[] = []
  const notes = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    const year = 1970 + Math.floor(random() * 57)
    const [journal, short] = pick(JOURNALS)
    const title = `${pick(PEPTIDES)} ${sentence(6 + Math.floor(random() * 12))}`
    const abstract = Array.from({ length: 6 + Math.floor(random() * 6) }, () => sentence(15 + Math.floor(random() * 15))).join('. ')
    const authors = Array.from({ length: authorCount() }, author)
    const id = `item-${i}`
    const peptides = random() < 0.3 ? some(PEPTIDES, 3).map(peptide => ({ peptide, evidence: [{ source: 'title' as const, text: peptide }] })) : undefined
    const item: Item = {
      id,
      csl: {
        type: 'article-journal',
        title,
        author: authors,
        'container-title': journal,
        'container-title-short': short,
        issued: { 'date-parts': [[year]] },
        abstract,
        DOI: `10.${1000 + (i % 9000)}/np.${year}.${i}`
      },
      doi: `10.${1000 + (i % 9000)}/np.${year}.${i}`,
      pmid: random() < 0.8 ? String(10_000_000 + i * 7) : undefined,
      pmcid: random() < 0.3 ? `PMC${5_000_000 + i}` : undefined,
      keywords: some(KEYWORDS, 6),
      mesh: some(MESH, 12).map(descriptor => ({ descriptor, majorTopic: random() < 0.2, qualifiers: [] })),
      year,
      tags: some(TAGS, 2),
      collectionIds: [],
      citationKey: `${(authors[0].family ?? 'anon').replace(/[^A-Za-z]/g, '')}${year}${i}`,
      addedAt: 1_700_000_000_000 + i,
      modifiedAt: 1_700_000_000_000 + i,
      sources: ['pubmed'],
      peptideTags: peptides
    }
    items.push(item)
    if (random() < 0.1) notes.set(id, `Read for the ${pick(KEYWORDS)} chapter. ${sentence(20 + Math.floor(random() * 60))}`)
  }
  return { items, notes }
}
