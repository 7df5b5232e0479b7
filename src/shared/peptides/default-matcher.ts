// The matcher over the vocabulary Neuroref ships, built once on first use.
import vocabJson from '../../../resources/vocab/neuropeptides.json'
import { createPeptideMatcher, type PeptideMatcher } from './match'
import { parsePeptideVocab } from './vocab'

let matcher: PeptideMatcher | undefined

export function peptideMatcher(): PeptideMatcher {
  matcher ??= createPeptideMatcher(parsePeptideVocab(vocabJson))
  return matcher
}
