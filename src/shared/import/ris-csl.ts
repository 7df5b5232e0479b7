// One RIS record's tags → CSL, by citation-js's own RIS rules (its "mixed" spec) with the rules of each type picked
// once. Its translator tries all 163 rules on every record, each asking whether the record's TY is in a list of up
// to 60 types (a third of reading a RIS file); here the rules that can apply to a TY are kept, in their order, the
// first time that TY is met, and the translator runs on those. Every other condition (TA, C4, J2 present…) is still
// asked of the record. ris-csl.test.ts compares both on every RIS fixture and every type.
import { util, type CslRecord } from '@citation-js/core'
import CONVERTERS from '@citation-js/plugin-ris/lib/converters.js'
import DATA_TYPES from '@citation-js/plugin-ris/lib/dataTypes.json'
import { SPECS } from '@citation-js/plugin-ris/lib/spec/index.js'
import type { RisRule, RisConverter } from '@citation-js/plugin-ris/lib/spec/index.js'
import type { RisTags } from './ris-records'

type Converter = (tags: RisTags) => CslRecord

const byType = new Map<string, Converter>()

/** The CSL citation-js's "@ris/record" input gives for `tags` (its graph left out), or the error it throws. */
export function risToCsl(tags: RisTags): CslRecord {
  const type = tags.TY as string
  let convert = byType.get(type)
  if (!convert) byType.set(type, (convert = converterFor(type)))
  return util.upgradeCsl(convert(tags))
}

function converterFor(type: string): Converter {
  const rules: RisRule[] = []
  for (const rule of SPECS.mixed) {
    const { TY, ...others } = rule.when?.source ?? {}
    if (TY !== undefined && !(Array.isArray(TY) ? TY.includes(type) : TY === type)) continue
    rules.push({ ...rule, convert: converterOf(rule), when: Object.keys(others).length ? { source: others } : undefined })
  }
  return new util.Translator(rules).convertToTarget
}

/** The value converter the plugin gives a rule (its prepareTranslator), worked out here rather than read from the rule it changes in place. */
function converterOf({ source, target }: RisRule): RisConverter | undefined {
  if (target === 'issued' && !Array.isArray(source)) return CONVERTERS.YEAR
  // `in` on the target as the plugin asks it: a target list such as ISSN, ISBN is looked up as "ISSN,ISBN"
  const named = String(target) in DATA_TYPES ? (DATA_TYPES as Record<string, string>)[String(target)] : undefined
  const convert = named ? CONVERTERS[named] : undefined
  if (convert?.keepAll || !Array.isArray(source)) return convert
  if (!convert) return CONVERTERS.ANY
  return {
    toTarget: (...values: unknown[]) => convert.toTarget(CONVERTERS.ANY.toTarget(...values)),
    toSource: (...values: unknown[]) => CONVERTERS.ANY.toSource(convert.toSource(...values))
  }
}
