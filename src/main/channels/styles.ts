// styles.*: the CSL repository shipped with the app — search it as the
// researcher types, read one style when it is used, list the languages.
import type { NamespaceHandlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import type { StyleRepository } from '../services/styles/style-repository'
import type { ChannelDeps } from './deps'
import { optionalCount, requireObject, requireString } from './validate'

function repository(styles: StyleRepository | undefined): StyleRepository {
  if (!styles) throw new ServiceError('UNSUPPORTED', 'The journal styles are not available here; the 12 bundled styles and your own still work.')
  return styles
}

/** A style id as the CSL repository names them (lower case, digits, dashes). */
function styleId(value: unknown): string {
  const id = requireString(value, 'style', 200)
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new ServiceError('INVALID_INPUT', `“${id}” is not the name of a citation style.`)
  return id
}

export function stylesChannels({ styles }: ChannelDeps): NamespaceHandlers<'styles'> {
  return {
    'styles.search': async arg => {
      const req = requireObject(arg)
      if (req.ids !== undefined) {
        if (!Array.isArray(req.ids) || req.ids.length > 200) throw new ServiceError('INVALID_INPUT', 'At most 200 styles can be named at once.')
        const found = repository(styles).describe(req.ids.map(styleId))
        return { total: found.length, styles: found }
      }
      const query = typeof req.query === 'string' ? req.query : ''
      if (query.length > 500) throw new ServiceError('INVALID_INPUT', 'The search is too long.')
      return repository(styles).search(query, optionalCount(req.limit, 1, 500, 50))
    },
    'styles.get': async arg => {
      const req = requireObject(arg)
      const lang = req.lang === undefined ? undefined : requireString(req.lang, 'language', 20)
      return repository(styles).files(styleId(req.id), lang)
    },
    'styles.locales': async () => repository(styles).locales(),
    'styles.locale': async arg => {
      const lang = requireString(requireObject(arg).lang, 'language', 20)
      return { lang, xml: repository(styles).locale(lang) }
    }
  }
}
