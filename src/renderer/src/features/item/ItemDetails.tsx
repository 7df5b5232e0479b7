// The "Item details" pane: everything the library holds about one paper.
import type { Item, LightItem } from '@shared/model'
import { useLibraryQuery } from '../../root'
import { fullItem } from '../../library/queries'
import { nameLabel, sourceDetail, yearLabel } from '@shared/display'
import { RichText } from '../../components/RichText'
import { ExternalLink } from '../../components/ExternalLink'
import {
  AbstractSection,
  ConflictOfInterestSection,
  GrantsSection,
  KeywordsSection,
  MeshSection,
  PublicationTypesSection,
  ReferencesSection,
  SubstancesSection
} from './RecordSections'
import { RelatedPapers } from './RelatedPapers'
import { EditItem } from './EditItem'
import { OrganiseSections } from './OrganiseSections'
import { PdfAttachments } from '../pdf'
import { SyncConflicts } from '../sync'
import { CopyToLibrary } from '../labs'

function Identifiers({ item }: { item: Item }) {
  return (
    <dl className="identifiers">
      {item.pmid && (
        <>
          <dt>PMID</dt>
          <dd>
            <ExternalLink href={`https://pubmed.ncbi.nlm.nih.gov/${item.pmid}/`}>{item.pmid}</ExternalLink>
          </dd>
        </>
      )}
      {item.pmcid && (
        <>
          <dt>PMCID</dt>
          <dd>
            <ExternalLink href={`https://pmc.ncbi.nlm.nih.gov/articles/${item.pmcid}/`}>{item.pmcid}</ExternalLink>
          </dd>
        </>
      )}
      {item.doi && (
        <>
          <dt>DOI</dt>
          <dd>
            <ExternalLink href={`https://doi.org/${item.doi}`}>{item.doi}</ExternalLink>
          </dd>
        </>
      )}
      {item.citationKey && (
        <>
          <dt>Citation key</dt>
          <dd>
            <code>{item.citationKey}</code>
          </dd>
        </>
      )}
    </dl>
  )
}

const FLAG_TEXT: Record<string, string> = {
  retracted: 'This paper has been retracted.',
  'partially-retracted': 'Part of this paper has been retracted.',
  corrected: 'A correction to this paper has been published.',
  'expression-of-concern': 'An expression of concern has been published about this paper.',
  withdrawn: 'This paper has been withdrawn.',
  preprint: 'Preprint: not peer reviewed.'
}

function FlagNotes({ flags }: { flags: string[] | undefined }) {
  const notes = (flags ?? []).flatMap(flag => (FLAG_TEXT[flag] ? [[flag, FLAG_TEXT[flag]]] : []))
  return (
    <>
      {notes.map(([flag, text]) => (
        <p key={flag} className={`flag flag-${flag}`} role="note">
          {text}
        </p>
      ))}
    </>
  )
}

/**
 * The list holds light copies; the pane reads the paper's full row (read
 * again after every change), so it shows and edits every field.
 */
export function ItemDetails({ selected, count, search }: { selected: LightItem | undefined; count: number; search?: string }) {
  const id = selected?.id
  const stored = useLibraryQuery(db => (id ? fullItem(db, id) : Promise.resolve(undefined)), [id])
  const item = stored && stored.id === id ? stored : undefined
  return (
    <section aria-label="Item details" className="item-details">
      {!selected && <p className="hint">{count > 1 ? `${count} items selected.` : 'Select a paper to see its details.'}</p>}
      {item && (
        <article>
          <RichText as="h2" markup={item.csl.title ?? '(untitled)'} />
          <FlagNotes flags={item.flags} />
          <SyncConflicts item={item} />
          <p className="authors">{(item.csl.author ?? []).map(nameLabel).join('; ')}</p>
          <p className="source">
            <i>{item.csl['container-title']}</i> {yearLabel(item)} {sourceDetail(item)}
          </p>
          <Identifiers item={item} />
          <EditItem key={item.id} item={item} />
          <CopyToLibrary item={item} />
          <PdfAttachments item={item} search={search} />
          <OrganiseSections item={item} />
          <AbstractSection item={item} />
          <KeywordsSection item={item} />
          <MeshSection item={item} />
          <PublicationTypesSection item={item} />
          <SubstancesSection item={item} />
          <GrantsSection item={item} />
          <ConflictOfInterestSection item={item} />
          <ReferencesSection item={item} />
          <RelatedPapers item={item} relation="similar" />
          <RelatedPapers item={item} relation="citedin" />
        </article>
      )}
    </section>
  )
}
