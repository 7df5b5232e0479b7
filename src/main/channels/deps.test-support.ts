// ChannelDeps for tests: a real config read from the given environment, the
// real HTTP client, and a platform that records what it was asked to do.
import { readConfig } from '../config'
import type { Platform } from '../platform'
import { createHttpClient } from '../services/http'
import type { ChannelDeps } from './deps'

export function testChannelDeps(env: Record<string, string | undefined>, platform: Partial<Platform> = {}, extra: Partial<ChannelDeps> = {}): ChannelDeps {
  return {
    config: readConfig(env),
    http: createHttpClient(),
    platform: { edition: 'desktop', saveFile: async () => null, openExternal: async () => undefined, ...platform },
    version: 'test',
    ...extra
  }
}
