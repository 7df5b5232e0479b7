// shell.*: links leave the app for the system browser, web links only.
import type { NamespaceHandlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import type { ChannelDeps } from './deps'
import { requireObject, requireString } from './validate'

export function shellChannels({ platform }: ChannelDeps): NamespaceHandlers<'shell'> {
  return {
    'shell.openExternal': async arg => {
      const url = requireString(requireObject(arg).url, 'link', 4000)
      await platform.openExternal(requireWebUrl(url))
    }
  }
}

/** Only http(s) links leave the app; file:, javascript:, custom schemes never do. */
export function requireWebUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ServiceError('INVALID_INPUT', 'That link is not a web address.')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ServiceError('INVALID_INPUT', 'Only web links (http or https) can be opened.')
  }
  return parsed.toString()
}
