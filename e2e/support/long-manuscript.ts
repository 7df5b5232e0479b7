// A long manuscript for the window's tests and benchmarks: a BibTeX library of
// `papers` papers (imported through the app like a researcher's file) and a
// .docx of about 15,000 words (200 paragraphs at 300 citations) citing each
// paper twice, some with a page or a second paper.
import { makeDocx, para, run } from '@shared/manuscript/docx-package.test-support'

const FAMILIES = ['Ferrer', 'Castro', 'Luján', 'Martín', 'Maldonado', 'Miñarro', 'Rodríguez', 'Nussey', 'Whitehead', 'Strekas', 'Garcia', 'Blum']
const JOURNALS = ['Psychoneuroendocrinology', 'Hormones and Behavior', 'Neuropeptides', 'Addiction Biology', 'Biological Psychiatry']

export function longLibraryBibtex(papers: number): string {
  return Array.from({ length: papers }, (_, i) => {
    const first = FAMILIES[i % FAMILIES.length]
    const second = FAMILIES[(i * 5 + 3) % FAMILIES.length]
    return `@article{paper${i},
  author = {${first}, Ana and ${second}, Luis${i % 3 === 0 ? ' and Otero, Marta' : ''}},
  title = {Oxytocin and social defeat stress, study ${i}},
  journal = {${JOURNALS[i % JOURNALS.length]}},
  year = {${2000 + (i % 24)}},
  volume = {${10 + (i % 40)}},
  pages = {${100 + i}--${110 + i}},
  doi = {10.5555/neuroref.${i}}
}`
  }).join('\n\n')
}

/** The paragraphs' text, markers included; `key(n)` names the n-th paper. */
export function longManuscriptParagraphs(citations: number, papers: number, key: (paper: number) => string = paper => `paper${paper}`): string[] {
  const words = 'oxytocin receptor binding in the nucleus accumbens modulates social reward after repeated defeat stress in adolescent male mice'.split(' ')
  const paragraphs: string[] = []
  let cite = 0
  for (let p = 0; p < (citations * 2) / 3; p++) {
    const sentence = Array.from({ length: 75 }, (_, i) => words[(i * 7 + p) % words.length]).join(' ')
    const cites: string[] = []
    for (let c = 0; c < (p < citations / 3 ? 2 : 1) && cite < citations; c++, cite++) {
      const one = key(cite % papers)
      cites.push(cite % 10 === 3 ? `[@${one}, p. ${cite}]` : cite % 10 === 7 ? `[see @${one}; @${key((cite + 11) % papers)}]` : `[@${one}]`)
    }
    paragraphs.push(`${sentence} ${cites[0] ?? ''}. More text follows here ${cites[1] ?? ''}.`)
  }
  return paragraphs
}

export function longManuscript(citations: number, papers: number, key?: (paper: number) => string): Uint8Array {
  return makeDocx(
    longManuscriptParagraphs(citations, papers, key)
      .map(text => para(run(text)))
      .join('') + para(run('[bibliography]'))
  )
}
