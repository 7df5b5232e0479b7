// The .nbib file the import benchmarks read: the papers of the .bib
// (synthetic-bib.ts) as PubMed's "MEDLINE" download writes a record — tags
// padded to four characters, values wrapped at 87 columns and continued on
// lines indented by six spaces, a blank line between records — with what
// PubMed adds that a .bib lacks: a PMID and DOI of its own (numbers no seeded
// paper has), ISSNs, the date with its month, full and short author names, an
// affiliation, publication types, MeSH with qualifiers, substances, grants,
// keywords and the history dates.
import type { CslName, Item } from '@shared/model'
import { importedPapers } from './synthetic-bib'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const QUALIFIERS = ['metabolism', 'physiology', 'drug effects', 'genetics', 'psychology', 'pharmacology', 'administration & dosage']
const SUBSTANCES = ['50-56-6 (Oxytocin)', '11000-17-2 (Vasopressins)', '9015-71-8 (Corticotropin-Releasing Hormone)', '0 (Receptors, Oxytocin)', '0 (Orexins)']
const AFFILIATIONS = [
  'Department of Psychiatry, University of California San Diego, La Jolla, CA, USA.',
  'Department of Behavioural and Molecular Neurobiology, University of Regensburg, Regensburg, Germany.',
  'Yerkes National Primate Research Center, Emory University, Atlanta, GA, USA.',
  'Central Institute of Mental Health, Medical Faculty Mannheim, Heidelberg University, Mannheim, Germany.'
]
const PUBLICATION_TYPES = [['Journal Article'], ['Journal Article', "Research Support, Non-U.S. Gov't"], ['Journal Article', 'Review']]
const WIDTH = 87
/** PMIDs from here on: the seeded library's are 10,000,000 + 7n, so none is a duplicate */
const FIRST_PMID = 30_000_000

/** "TAG - value", the tag padded to four characters, the value wrapped at 87 columns. */
function field(tag: string, value: string): string {
  const lines: string[] = []
  let line = `${tag.padEnd(4)}- `
  for (const word of value.split(' ')) {
    if (line.length + word.length > WIDTH && line.trim().length > 5) {
      lines.push(line.trimEnd())
      line = '      '
    }
    line += `${word} `
  }
  lines.push(line.trimEnd())
  return lines.join('\n')
}

function initials(given = ''): string {
  return given
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map(part => part[0])
    .join('')
}

function authorLines(name: CslName, n: number, index: number): string[] {
  if (name.literal) return [field('CN', name.literal)]
  const lines = [field('FAU', `${name.family}, ${name.given}`), field('AU', `${name.family} ${initials(name.given)}`)]
  if (index === 0 || (n + index) % 3 === 0) lines.push(field('AD', AFFILIATIONS[(n + index) % AFFILIATIONS.length]))
  return lines
}

function medlineRecord(item: Item, n: number): string {
  const csl = item.csl
  const year = item.year!
  const month = MONTHS[n % 12]
  const pmid = String(FIRST_PMID + n)
  const doi = `10.5555/nbib.${year}.${n}`
  const volume = String(1 + (n % 90))
  const issue = String(1 + (n % 12))
  const firstPage = 100 + (n % 900)
  const pages = `${firstPage}-${(firstPage + 7 + (n % 20)) % 100}`
  const journal = csl['container-title']!
  const short = csl['container-title-short']!
  const issn = `${String(1000 + ((journal.length * 37) % 9000))}-${String(1000 + ((short.length * 53) % 9000))}`
  const date = `${year}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`
  const history = `${year}/${String((n % 12) + 1).padStart(2, '0')}/${String((n % 28) + 1).padStart(2, '0')}`
  const lines = [
    `PMID- ${pmid}`,
    'OWN - NLM',
    'STAT- MEDLINE',
    `DCOM- ${date}`,
    `LR  - ${date}`,
    `IS  - ${issn} (Electronic)`,
    `IS  - ${issn} (Linking)`,
    `VI  - ${volume}`,
    `IP  - ${issue}`,
    `DP  - ${year} ${month}`,
    field('TI', `${csl.title}.`),
    `PG  - ${pages}`,
    field('LID', `${doi} [doi]`),
    field('AB', `${csl.abstract}.`),
    field('CI', `Copyright (c) ${year} Elsevier Ltd. All rights reserved.`),
    ...(csl.author ?? []).flatMap((name, index) => authorLines(name, n, index)),
    'LA  - eng',
    ...(n % 4 === 0 ? [field('GR', `R01 MH${String(100_000 + n).slice(-6)}/MH/NIMH NIH HHS/United States`)] : []),
    ...PUBLICATION_TYPES[n % PUBLICATION_TYPES.length].map(type => field('PT', type)),
    `DEP - ${date}`,
    'PL  - England',
    field('TA', short),
    field('JT', journal),
    `JID - ${String(7_000_000 + (journal.length % 97))}`,
    ...SUBSTANCES.slice(n % 3, (n % 3) + (n % 3)).map(substance => field('RN', substance)),
    'SB  - IM',
    ...(item.mesh ?? []).map((heading, index) =>
      field('MH', `${heading.majorTopic ? '*' : ''}${heading.descriptor}${(n + index) % 2 ? `/${QUALIFIERS[(n + index) % QUALIFIERS.length]}` : ''}`)
    ),
    ...(item.keywords?.length ? ['OTO - NOTNLM', ...item.keywords.map(keyword => field('OT', keyword))] : []),
    `EDAT- ${history} 06:00`,
    `MHDA- ${history} 06:00`,
    `CRDT- ${history} 05:32`,
    `PHST- ${history} 00:00 [received]`,
    `PHST- ${history} 06:00 [pubmed]`,
    `AID - ${doi} [doi]`,
    'PST - ppublish',
    field('SO', `${short}. ${year} ${month};${volume}(${issue}):${pages}. doi: ${doi}.`)
  ]
  return lines.join('\n')
}

export function syntheticNbib(size: number): string {
  return `${importedPapers(size).map(medlineRecord).join('\n\n')}\n`
}
