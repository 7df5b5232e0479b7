// The parts of the PubMed abstract page, in PubMed's own headings: each
// section appears only when the item has something to show in it.
import type { ReactNode } from 'react'
import type { Item } from '@shared/model'
import { RichText } from '../../components/RichText'
import { ExternalLink } from '../../components/ExternalLink'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="record-section">
      <h3>{title}</h3>
      {children}
    </section>
  )
}

export function AbstractSection({ item }: { item: Item }) {
  const parts = item.abstractSections ?? []
  if (parts.length > 1 || parts.some(p => p.label)) {
    return (
      <Section title="Abstract">
        {parts.map((part, i) => (
          <p key={i} className="abstract-part">
            {part.label && <b className="abstract-label">{part.label}: </b>}
            <RichText markup={part.text} />
          </p>
        ))}
      </Section>
    )
  }
  if (!item.csl.abstract) return null
  return (
    <Section title="Abstract">
      <RichText as="p" markup={item.csl.abstract} />
    </Section>
  )
}

function ChipsSection({ title, values }: { title: string; values: string[] | undefined }) {
  if (!values?.length) return null
  return (
    <Section title={title}>
      <ul className="chips">
        {values.map(v => (
          <li key={v}>{v}</li>
        ))}
      </ul>
    </Section>
  )
}

export function KeywordsSection({ item }: { item: Item }) {
  return <ChipsSection title="Keywords" values={item.keywords} />
}

export function MeshSection({ item }: { item: Item }) {
  if (!item.mesh?.length) return null
  return (
    <Section title="MeSH terms">
      <ul className="mesh-list">
        {item.mesh.map(heading => {
          const major = heading.majorTopic || heading.qualifiers.some(q => q.majorTopic)
          const qualifiers = heading.qualifiers.map(q => `${q.name}${q.majorTopic ? '*' : ''}`)
          return (
            <li key={heading.descriptor} className={major ? 'major' : undefined} title={major ? 'Major topic' : undefined}>
              {heading.descriptor}
              {heading.majorTopic ? '*' : ''}
              {qualifiers.length > 0 && <span className="qualifiers"> / {qualifiers.join(' / ')}</span>}
            </li>
          )
        })}
      </ul>
    </Section>
  )
}

export function PublicationTypesSection({ item }: { item: Item }) {
  return <ChipsSection title="Publication types" values={item.publicationTypes} />
}

export function SubstancesSection({ item }: { item: Item }) {
  if (!item.chemicals?.length) return null
  return (
    <Section title="Substances">
      <ul>
        {item.chemicals.map(c => (
          <li key={c.name}>
            {c.name}
            {c.registryNumber && <span className="muted"> ({c.registryNumber})</span>}
          </li>
        ))}
      </ul>
    </Section>
  )
}

export function GrantsSection({ item }: { item: Item }) {
  const grants = item.grants ?? []
  const funders = item.funders ?? []
  if (!grants.length && !funders.length) return null
  return (
    <Section title="Grants and funding">
      <ul>
        {grants.map((g, i) => (
          <li key={`g${i}`}>{[g.id, g.acronym, g.agency, g.country].filter(Boolean).join(' / ')}</li>
        ))}
        {funders.map((f, i) => (
          <li key={`f${i}`}>
            {f.name}
            {f.awards?.length ? ` (${f.awards.join(', ')})` : ''}
          </li>
        ))}
      </ul>
    </Section>
  )
}

export function ConflictOfInterestSection({ item }: { item: Item }) {
  if (!item.coi) return null
  return (
    <Section title="Conflict of interest statement">
      <RichText as="p" markup={item.coi} />
    </Section>
  )
}

export function ReferencesSection({ item }: { item: Item }) {
  if (!item.references?.length) return null
  return (
    <Section title="References">
      <ol className="references">
        {item.references.map((ref, i) => (
          <li key={i}>
            <RichText markup={ref.citation} />
            {ref.pmid && (
              <>
                {' '}
                <ExternalLink href={`https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/`}>PMID {ref.pmid}</ExternalLink>
              </>
            )}
            {!ref.pmid && ref.doi && (
              <>
                {' '}
                <ExternalLink href={`https://doi.org/${ref.doi}`}>DOI</ExternalLink>
              </>
            )}
          </li>
        ))}
      </ol>
    </Section>
  )
}
