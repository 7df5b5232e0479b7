// What the app shell and the item pane use of the PDF features.
export { AddPdfs, addPdfFiles } from './AddPdfs'
export { ExtractionProgress } from './ExtractionProgress'
export { IncludeFullText } from './IncludeFullText'
export { PdfAttachments } from './PdfAttachments'
export { usePdfDropOnRows } from './use-pdf-drop'
