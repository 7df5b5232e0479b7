// Synthetic papers for the facet benchmark: the shape of a large neuropeptide
// library (a few peptide tags, a dozen MeSH headings with check tags, PubMed
// publication types in both spellings, a few hundred journals, 1970–2025).
// Deterministic, so every run counts the same library.
import type { Item, MeshHeading, PeptideTag } from '@shared/model'

const PEPTIDES = [
  'Oxytocin',
  'Vasopressin',
  'Corticotropin-Releasing Hormone',
  'Orexin',
  'Neuropeptide Y',
  'Dynorphins',
  'Enkephalins',
  'beta-Endorphin',
  'Substance P',
  'Galanin',
  'Cholecystokinin',
  'Ghrelin',
  'Kisspeptin',
  'Nociceptin',
  'Neurotensin',
  'Somatostatin'
]
const TOPICS = Array.from({ length: 400 }, (_, i) => `Topic ${i}`).concat(['Social Behavior', 'Stress, Psychological', 'Anxiety', 'Amygdala', 'Cocaine'])
const CHECK_TAGS = ['Humans', 'Animals', 'Mice', 'Rats', 'Male', 'Female', 'Mice, Inbred C57BL', 'Rats, Sprague-Dawley', 'Arvicolinae', 'Macaca mulatta']
const TYPES = [
  'Journal Article',
  'JOURNAL ARTICLE',
  'Review',
  'Randomized Controlled Trial',
  'Meta-Analysis',
  "Research Support, Non-U.S. Gov't",
  'Comparative Study'
]
const JOURNALS = Array.from({ length: 300 }, (_, i) => `Journal of Neuro Studies ${i}`).concat(['Neuropsychopharmacology', 'Int J Mol Sci'])

/** A small seeded generator (mulberry32): the same library on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function facetBenchItems(count: number, seed = 7): Item[] {
  const next = random(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(next() * next() * list.length)]
  const items: Item[] = []
  for (let n = 0; n < count; n++) {
    const peptideTags: PeptideTag[] = []
    for (let k = Math.floor(next() * 4); k > 0; k--) {
      const peptide = pick(PEPTIDES)
      if (!peptideTags.some(t => t.peptide === peptide)) peptideTags.push({ peptide, evidence: [{ source: 'title', text: peptide }] })
    }
    const mesh: MeshHeading[] = []
    for (let k = 0; k < 12; k++) {
      const checkTag = k < 3
      mesh.push({
        descriptor: checkTag ? pick(CHECK_TAGS) : pick(TOPICS),
        majorTopic: !checkTag && next() < 0.3,
        qualifiers: [{ name: 'metabolism', majorTopic: !checkTag && next() < 0.1 }]
      })
    }
    items.push({
      id: `bench-${n}`,
      csl: { type: 'article-journal', title: `Paper ${n}`, 'container-title': pick(JOURNALS) },
      sources: ['pubmed'],
      mesh,
      publicationTypes: [pick(TYPES), pick(TYPES)],
      peptideTags,
      removedPeptideTags: next() < 0.02 ? [PEPTIDES[0]] : undefined,
      year: next() < 0.01 ? undefined : 1970 + Math.floor(next() * 56),
      tags: [],
      collectionIds: [],
      addedAt: n,
      modifiedAt: n
    })
  }
  return items
}
