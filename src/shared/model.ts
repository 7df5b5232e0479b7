// The reference model: CSL-JSON plus what PubMed knows and CSL
// has no field for, plus library fields. Pure types, shared by both sides.

/** A CSL name: a person (family/given) or an institution (literal). */
export interface CslName {
  family?: string
  given?: string
  literal?: string
  suffix?: string
  'non-dropping-particle'?: string
  'dropping-particle'?: string
}

/** CSL date: `date-parts` like [[2021, 3, 1]]; `literal`/`season` for odd forms. */
export interface CslDate {
  'date-parts'?: (number | string)[][]
  literal?: string
  season?: number | string
  raw?: string
}

/** The CSL-JSON fields Neuroref reads and writes (citation-js understands all of them). */
export interface CslFields {
  type: string
  title?: string
  'container-title'?: string
  'container-title-short'?: string
  author?: CslName[]
  editor?: CslName[]
  issued?: CslDate
  volume?: string
  issue?: string
  page?: string
  DOI?: string
  PMID?: string
  PMCID?: string
  ISSN?: string
  ISBN?: string
  URL?: string
  publisher?: string
  'publisher-place'?: string
  abstract?: string
  language?: string
  edition?: string
  note?: string
  [field: string]: unknown
}

/** Extra facts about an author that CSL has no room for. */
export interface AuthorDetail {
  /** index into `author` */
  index: number
  initials?: string
  orcid?: string
  affiliations?: string[]
}

export interface MeshHeading {
  descriptor: string
  ui?: string
  majorTopic: boolean
  qualifiers: { name: string; ui?: string; majorTopic: boolean }[]
}

export interface Chemical {
  name: string
  registryNumber?: string
  ui?: string
}

export interface Grant {
  id?: string
  acronym?: string
  agency?: string
  country?: string
}

export interface AbstractSection {
  label?: string
  category?: string
  text: string
}

export interface CitedWork {
  citation: string
  pmid?: string
  doi?: string
  pmcid?: string
}

/** A link to another record: erratum, comment, retraction, update. */
export interface RelatedRecord {
  relation: string
  citation?: string
  pmid?: string
  doi?: string
}

export interface Funder {
  name: string
  doi?: string
  awards?: string[]
}

/** Where each part of an item came from; lets merges respect what the user edited. */
export type ItemSource = 'crossref' | 'pubmed' | 'doi.org' | 'file' | 'manual'

/** What a lookup service returns: everything about one paper, before it enters the library. */
export interface ReferenceRecord {
  csl: CslFields
  pmid?: string
  pmcid?: string
  doi?: string
  authorDetails?: AuthorDetail[]
  investigators?: CslName[]
  mesh?: MeshHeading[]
  keywords?: string[]
  chemicals?: Chemical[]
  grants?: Grant[]
  funders?: Funder[]
  publicationTypes?: string[]
  abstractSections?: AbstractSection[]
  coi?: string
  references?: CitedWork[]
  related?: RelatedRecord[]
  license?: string
  /** retracted / corrected / has expression of concern, from Crossref update relations or PubMed */
  flags?: string[]
  sources: ItemSource[]
}

/** What names a paper in lists, labels and the duplicate finder: a new record, a full item or a light copy. */
export type NamedRecord = Pick<ReferenceRecord, 'csl' | 'doi' | 'pmid' | 'pmcid'>

export type ReadStatus = 'unread' | 'reading' | 'read'

/** An item as the library stores it. */
export interface Item extends ReferenceRecord {
  id: string
  /** lower-cased DOI, for the index */
  doiKey?: string
  /**
   * Rows written before this field was dropped still carry the title's words (an index until schema v6, read by
   * nothing since): no write keeps it (`withIndexFields` drops it), backups and sync documents leave it out.
   */
  titleWords?: string[]
  year?: number
  tags: string[]
  collectionIds: string[]
  citationKey?: string
  readStatus?: ReadStatus
  rating?: number
  addedAt: number
  modifiedAt: number
  trashedAt?: number
  /** fields the user changed by hand; imports never overwrite them */
  editedFields?: string[]
  /** peptides and receptors this paper is about, with the evidence for each */
  peptideTags?: PeptideTag[]
  /** peptide tags the user removed: they stay removed when tags are recomputed */
  removedPeptideTags?: string[]
  /** fields two computers changed differently while apart (sync): the value kept and the other one, until the researcher resolves them */
  syncConflicts?: SyncConflict[]
  /** in a lab library: the user who added the paper and the one who last changed it (set by sync from the session's user name) */
  addedBy?: string
  editedBy?: string
  /** a full item is never a light copy (see `LightItem`) */
  light?: never
}

/**
 * What the window keeps out of memory for each paper (the long parts of a
 * PubMed record), reading the full item from IndexedDB where it is shown,
 * exported, cited or written. `csl.abstract` goes too.
 */
export type HeavyItemField =
  'abstractSections' | 'references' | 'related' | 'investigators' | 'authorDetails' | 'grants' | 'funders' | 'chemicals' | 'coi' | 'titleWords'

/**
 * A MeSH heading as the list, facets, tags and searches read it. A full item's
 * headings have their qualifiers; a light copy keeps only the descriptor and
 * whether the paper is about it (`majorTopic` there already counts a starred
 * qualifier), which is all those readers ask: read it with `isMajorTopic`.
 */
export interface MeshTerm {
  descriptor: string
  majorTopic: boolean
  qualifiers?: MeshHeading['qualifiers']
}

/**
 * The fields the list, search, sort, facets and duplicates read: a full item or a light copy. A light copy's peptide
 * tags keep only their MeSH evidence (what the dashboard reads); the item pane shows the rest from the row.
 */
export type ItemBasics = Omit<Item, HeavyItemField | 'light' | 'mesh'> & { mesh?: MeshTerm[] }

/**
 * The window's copy of a paper, without its long parts. Its mark is a
 * function, so IndexedDB refuses to store one (DataCloneError): a light copy
 * can never overwrite the full row, and no library write accepts the type.
 */
export interface LightItem extends ItemBasics {
  light: () => void
}

/** One field edited on two computers; `field` is an Item key or `csl.<key>`; `trashedAt`: trashed on one, edited on the other. */
export interface SyncConflict {
  field: string
  kept: unknown
  other: unknown
  /** the computers that wrote `kept` and `other` (sync's device ids), so each computer can say which value is its own */
  keptOn?: string
  otherOn?: string
}

export type EvidenceSource = 'mesh' | 'keyword' | 'title' | 'abstract'

export interface PeptideEvidence {
  source: EvidenceSource
  /** the words as the item has them, or the MeSH heading */
  text: string
}

/** A peptide (or receptor's peptide) a paper is about, with why Neuroref thinks so. */
export interface PeptideTag {
  /** the peptide's name, e.g. "Oxytocin" */
  peptide: string
  family?: string
  /** receptor names the item mentions for this peptide, e.g. "Oxytocin receptor" */
  receptor?: string
  /** strongest first: MeSH, keyword, title, abstract */
  evidence: PeptideEvidence[]
}

export interface Collection {
  id: string
  name: string
  parentId?: string
  createdAt: number
}

export interface Tag {
  name: string
  kind: 'manual' | 'keyword' | 'mesh' | 'peptide'
  color?: string
}

export interface Note {
  id: string
  itemId: string
  text: string
  createdAt: number
  modifiedAt: number
}

export interface AttachmentRecord {
  id: string
  itemId: string
  /** SHA-256 of the file's bytes: the name main stores it under */
  hash: string
  fileName: string
  size: number
  addedAt: number
}

export interface Setting {
  key: string
  value: unknown
}

/** One line of a PubMed result list (esummary): enough to decide whether to add it. */
export interface PaperSummary {
  pmid: string
  title: string
  authors: string
  journal: string
  year?: number
  doi?: string
}

/** The researcher's contact details and keys, from Settings; the environment wins over them. */
export interface Contact {
  email?: string
  ncbiApiKey?: string
}
