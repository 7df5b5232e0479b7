// The words the facet panel groups by: which MeSH check tags name an organism,
// and how PubMed's publication types are spelled. Shared with the search index
// so that `organism:` and `type:` find exactly the papers a facet counted.

export interface Organism {
  /** the qualifier value: `organism:mice` */
  id: string
  label: string
  /** MeSH descriptors; a descriptor followed by ", …" (Mice, Inbred C57BL) counts too */
  descriptors: string[]
}

/** Species first; "Animals" is MeSH's generic check tag and is listed last. */
export const ORGANISMS: Organism[] = [
  { id: 'humans', label: 'Humans', descriptors: ['Humans'] },
  { id: 'mice', label: 'Mice', descriptors: ['Mice', 'Mus musculus'] },
  { id: 'rats', label: 'Rats', descriptors: ['Rats', 'Rattus norvegicus'] },
  { id: 'voles', label: 'Voles (Arvicolinae)', descriptors: ['Arvicolinae', 'Microtus'] },
  { id: 'hamsters', label: 'Hamsters', descriptors: ['Cricetinae', 'Mesocricetus', 'Phodopus'] },
  { id: 'macaques', label: 'Macaques', descriptors: ['Macaca mulatta', 'Macaca fascicularis', 'Macaca nemestrina', 'Macaca'] },
  { id: 'marmosets', label: 'Marmosets', descriptors: ['Callithrix'] },
  { id: 'zebrafish', label: 'Zebrafish', descriptors: ['Zebrafish'] },
  { id: 'drosophila', label: 'Drosophila melanogaster', descriptors: ['Drosophila melanogaster', 'Drosophila'] },
  { id: 'c-elegans', label: 'Caenorhabditis elegans', descriptors: ['Caenorhabditis elegans'] },
  { id: 'pigs', label: 'Pigs', descriptors: ['Swine', 'Sus scrofa', 'Swine, Miniature'] },
  { id: 'sheep', label: 'Sheep', descriptors: ['Sheep', 'Sheep, Domestic'] },
  { id: 'dogs', label: 'Dogs', descriptors: ['Dogs'] },
  { id: 'cats', label: 'Cats', descriptors: ['Cats'] },
  { id: 'animals', label: 'Animals (unspecified)', descriptors: ['Animals'] }
]

const organismIndex = new Map<string, number>()
ORGANISMS.forEach((o, i) => o.descriptors.forEach(d => organismIndex.set(d.toLowerCase(), i)))
const seenHeadings = new Map<string, number>()

/** Index into ORGANISMS of the organism a MeSH heading names, or -1. Remembers each spelling it has seen. */
export function organismIndexOf(descriptor: string): number {
  let found = seenHeadings.get(descriptor)
  if (found === undefined) {
    const lower = descriptor.toLowerCase()
    const comma = lower.indexOf(',')
    found = organismIndex.get(lower) ?? (comma > 0 ? organismIndex.get(lower.slice(0, comma)) : undefined) ?? -1
    if (seenHeadings.size < 50_000) seenHeadings.set(descriptor, found)
  }
  return found
}

/** The `organism:` values of a paper ("mice", "humans" …), from its MeSH headings; for the search index. */
export function organismIdsOf(mesh: readonly { descriptor: string }[] | undefined): string[] {
  const ids = new Set<string>()
  for (const heading of mesh ?? []) {
    const i = organismIndexOf(heading.descriptor)
    if (i >= 0) ids.add(ORGANISMS[i].id)
  }
  return [...ids]
}

/** PubMed's spelling of the common types; other types keep the spelling they came with. */
const KNOWN_TYPES = [
  'Journal Article',
  'Review',
  'Systematic Review',
  'Meta-Analysis',
  'Randomized Controlled Trial',
  'Clinical Trial',
  'Controlled Clinical Trial',
  'Clinical Trial, Phase I',
  'Clinical Trial, Phase II',
  'Clinical Trial, Phase III',
  'Observational Study',
  'Multicenter Study',
  'Comparative Study',
  'Case Reports',
  'Editorial',
  'Letter',
  'Comment',
  'News',
  'Preprint',
  'Published Erratum',
  'Retracted Publication',
  'Retraction of Publication',
  'Practice Guideline',
  'Guideline',
  'English Abstract',
  'Validation Study',
  'Evaluation Study',
  'Twin Study',
  'Video-Audio Media'
]
const canonicalTypes = new Map(KNOWN_TYPES.map(t => [t.toLowerCase(), t]))

/** "JOURNAL ARTICLE", "journal article" → "Journal Article"; the key the `type:` qualifier compares. */
export function publicationTypeKey(type: string): string {
  return type.trim().replace(/\s+/g, ' ').toLowerCase()
}

export function publicationTypeLabel(key: string): string | undefined {
  return canonicalTypes.get(key)
}

/** "Research Support, N.I.H., Extramural" and its kin say who paid, not what kind of paper it is. */
export function isFundingType(key: string): boolean {
  return key.startsWith('research support')
}
