// What other features use to save or download a file.
export { downloadBlob, saveExport } from './save-export'
