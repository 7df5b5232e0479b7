// What Settings uses of auto-export.
export { AutoExportSection } from './AutoExportSection'
