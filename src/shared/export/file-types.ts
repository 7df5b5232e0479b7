// The files an export writes, by format: what the window needs to name and save
// them without loading the writers (citeproc, citation-js), which load on demand.
export type DataFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json'
export type StyledOutput = 'text' | 'html' | 'rtf'

/** What a saved file is called and how the browser should treat it. */
export const FILE_TYPES: Record<DataFormat | StyledOutput, { label: string; extension: string; mimeType: string }> = {
  bibtex: { label: 'BibTeX', extension: 'bib', mimeType: 'application/x-bibtex' },
  biblatex: { label: 'BibLaTeX', extension: 'bib', mimeType: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mimeType: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
  text: { label: 'plain text', extension: 'txt', mimeType: 'text/plain' },
  html: { label: 'HTML', extension: 'html', mimeType: 'text/html' },
  rtf: { label: 'RTF', extension: 'rtf', mimeType: 'application/rtf' }
}
