// Playwright fixtures: a replay server answering from recorded responses and
// the real web edition process pointed at it.
import { test as base } from '@playwright/test'
import { startReplayServer, type ReplayServer } from '../replay/server'
import { crossrefWorkRoutes, replayEnvironment } from '../replay/recorded'
import { loadPubmedCorpus, ncbiRoutes } from '../replay/ncbi-corpus'

/**
 * No recorded record cites another, so the specs give one paper a "Cited by"
 * list made of two other recorded papers (see ncbi-corpus.ts).
 */
export const CITED_BY_LINKS = { '27797938': { pubmed_pubmed_citedin: ['38147649', '39382274'] } }
import { startWebEditionProcess, type RunningWebEdition } from './web-edition'

export interface NeurorefFixtures {
  replay: ReplayServer
  app: RunningWebEdition
}

export const test = base.extend<NeurorefFixtures>({
  replay: async ({}, use) => {
    const replay = await startReplayServer([...crossrefWorkRoutes(), ...ncbiRoutes(loadPubmedCorpus(), { links: CITED_BY_LINKS })])
    await use(replay)
    await replay.close()
  },
  app: async ({ replay }, use) => {
    const app = await startWebEditionProcess(replayEnvironment(replay.url))
    await use(app)
    await app.stop()
  }
})

export { expect } from '@playwright/test'
