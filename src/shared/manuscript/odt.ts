import { ServiceError } from '../result'
import type { DocumentPackage } from './container'
import type { ManuscriptFile } from './model'

export function readOdt(pkg: DocumentPackage): ManuscriptFile {
  throw new ServiceError('UNSUPPORTED', `“${pkg.name}”: .odt is not supported yet.`)
}
