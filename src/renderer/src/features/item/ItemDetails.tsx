// The "Item details" pane: everything the library holds about one paper.
import type { Item } from '../../../../shared/model'
import { nameLabel, sourceDetail } from '../../../../shared/display'
import { RichText } from '../../components/RichText'
import { ExternalLink } from '../../components/ExternalLink'

function Identifiers({ item }: { item: Item }) {
  return (
    <dl className="identifiers">
      {item.pmid && (
        <>
          <dt>PMID</dt>
          <dd><ExternalLink href={`https://pubmed.ncbi.nlm.nih.gov/${item.pmid}/`}>{item.pmid}</ExternalLink></dd>
        </>
      )}
      {item.pmcid && (
        <>
          <dt>PMCID</dt>
          <dd><ExternalLink href={`https://pmc.ncbi.nlm.nih.gov/articles/${item.pmcid}/`}>{item.pmcid}</ExternalLink></dd>
        </>
      )}
      {item.doi && (
        <>
          <dt>DOI</dt>
          <dd><ExternalLink href={`https://doi.org/${item.doi}`}>{item.doi}</ExternalLink></dd>
        </>
      )}
      {item.citationKey && (
        <>
          <dt>Citation key</dt>
          <dd><code>{item.citationKey}</code></dd>
        </>
      )}
    </dl>
  )
}

export function ItemDetails({ item, count }: { item: Item | undefined; count: number }) {
  return (
    <section aria-label="Item details" className="item-details">
      {!item && <p className="hint">{count > 1 ? `${count} items selected.` : 'Select a paper to see its details.'}</p>}
      {item && (
        <article>
          <RichText as="h2" markup={item.csl.title ?? '(untitled)'} />
          {item.flags?.includes('retracted') && <p className="flag" role="note">This paper has been retracted.</p>}
          <p className="authors">{(item.csl.author ?? []).map(nameLabel).join('; ')}</p>
          <p className="source">
            <i>{item.csl['container-title']}</i> {item.csl.issued?.['date-parts']?.[0]?.[0]} {sourceDetail(item)}
          </p>
          <Identifiers item={item} />
          {item.csl.abstract && (
            <section aria-label="Abstract">
              <h3>Abstract</h3>
              <RichText as="p" markup={item.csl.abstract} />
            </section>
          )}
        </article>
      )}
    </section>
  )
}
