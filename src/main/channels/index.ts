// Builds the one Handlers table from the services: one file per channel
// namespace, each `xChannels(deps)`. Main binds the table to IPC, the web
// edition to HTTP; a channel without a handler here fails the type check.
import type { Handlers } from '@shared/contract'
import { appChannels } from './app'
import { attachmentsChannels } from './attachments'
import { autoexportChannels } from './autoexport'
import { backupChannels } from './backup'
import type { ChannelDeps } from './deps'
import { exportChannels } from './export'
import { lookupChannels } from './lookup'
import { manuscriptChannels } from './manuscript'
import { pubmedChannels } from './pubmed'
import { shellChannels } from './shell'
import { stylesChannels } from './styles'
import { syncChannels } from './sync'

export type { ChannelDeps } from './deps'

export function createHandlers(deps: ChannelDeps): Handlers {
  return {
    ...appChannels(deps),
    ...lookupChannels(deps),
    ...pubmedChannels(deps),
    ...exportChannels(deps),
    ...backupChannels(deps),
    ...manuscriptChannels(deps),
    ...shellChannels(deps),
    ...autoexportChannels(deps),
    ...attachmentsChannels(deps),
    ...stylesChannels(deps),
    ...syncChannels(deps)
  }
}
