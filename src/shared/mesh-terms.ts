// How a paper's MeSH headings are read by the list, facets and tags: a full
// item's headings with their qualifiers, or a light copy's (descriptor and
// major-topic flag only: model.ts, MeshTerm).
import type { MeshHeading, MeshTerm } from './model'

/** A MeSH major topic: the heading itself or one of its qualifiers is starred (a light copy's flag already says so). */
export function isMajorTopic(heading: MeshTerm): boolean {
  if (heading.majorTopic) return true
  const qualifiers = heading.qualifiers
  for (let i = 0; qualifiers && i < qualifiers.length; i++) if (qualifiers[i].majorTopic) return true
  return false
}

/** What a light copy keeps of a heading: the descriptor, and whether it is a major topic. */
export const meshTerm = (heading: MeshHeading | MeshTerm): MeshTerm => ({ descriptor: heading.descriptor, majorTopic: isMajorTopic(heading) })
