// What other features use to add papers by identifier and report the outcome.
export { addIdentifiers } from './add-identifiers'
export { importSummaryMessage } from './summary-message'
export { importIdentifierList, lookUpInBatches } from './import-identifiers'
