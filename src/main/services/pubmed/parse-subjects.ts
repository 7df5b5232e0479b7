// What a paper is about and who paid for it: MeSH headings, keywords,
// substances, publication types, grants. PubMed shows all of them under a
// record; Neuroref keeps them for tags, search and filters.
import type { Chemical, Grant, MeshHeading } from '@shared/model'
import { all, attr, child, isYes, textAt, textOf, type XmlElement } from './ncbi-xml'

function present<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined)
}

export function readMesh(citation: XmlElement | undefined): MeshHeading[] {
  return present(
    all(citation, 'MeshHeadingList/MeshHeading').map(heading => {
      const descriptor = child(heading, 'DescriptorName')
      const name = textOf(descriptor)
      if (!name) return undefined
      const ui = attr(descriptor, 'UI')
      return {
        descriptor: name,
        ...(ui ? { ui } : {}),
        majorTopic: isYes(descriptor, 'MajorTopicYN'),
        qualifiers: present(
          all(heading, 'QualifierName').map(q => {
            const qName = textOf(q)
            const qUi = attr(q, 'UI')
            return qName ? { name: qName, ...(qUi ? { ui: qUi } : {}), majorTopic: isYes(q, 'MajorTopicYN') } : undefined
          })
        )
      }
    })
  )
}

/** Keywords from every KeywordList (author keywords, NASA, KIE…), each once. */
export function readKeywords(parent: XmlElement | undefined): string[] {
  return [...new Set(present(all(parent, 'KeywordList/Keyword').map(textOf)))]
}

export function readChemicals(citation: XmlElement | undefined): Chemical[] {
  return present(
    all(citation, 'ChemicalList/Chemical').map(chem => {
      const nameEl = child(chem, 'NameOfSubstance')
      const name = textOf(nameEl)
      if (!name) return undefined
      const registry = textAt(chem, 'RegistryNumber')
      const ui = attr(nameEl, 'UI')
      // "0" is PubMed's way of saying the substance has no registry number.
      return { name, ...(registry && registry !== '0' ? { registryNumber: registry } : {}), ...(ui ? { ui } : {}) }
    })
  )
}

/** Publication types as PubMed spells them (old records shout: "JOURNAL ARTICLE"). */
export function readPublicationTypes(parent: XmlElement | undefined, path: string): string[] {
  return [...new Set(present(all(parent, path).map(textOf)))]
}

export function readGrants(article: XmlElement | undefined): Grant[] {
  return present(
    all(article, 'GrantList/Grant').map(grant => {
      const g: Grant = {
        id: textAt(grant, 'GrantID'),
        acronym: textAt(grant, 'Acronym'),
        agency: textAt(grant, 'Agency'),
        country: textAt(grant, 'Country')
      }
      const kept = Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)) as Grant
      return Object.keys(kept).length ? kept : undefined
    })
  )
}
