// Test support: the CSL repository packed as the build packs it, once per
// archive, in node_modules/.cache (a few seconds the first time, then instant).
import { join, resolve } from 'node:path'
import { writeStylePack } from './build-pack'

const CSL_ARCHIVE = resolve(__dirname, '../../../../resources/csl/csl-styles-and-locales.tar.gz')

export function builtStylePack(): string {
  const dir = resolve(__dirname, '../../../../node_modules/.cache/neuroref-csl')
  writeStylePack(CSL_ARCHIVE, dir)
  return join(dir)
}
