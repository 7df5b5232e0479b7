// For the tests of channels that write a file in pieces (backup.*, export.*):
// a fresh folder per test, a call as the renderer makes it, and the deps of a
// desktop whose save dialog answers `chosen` (recording the names it was asked).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { Handlers } from '@shared/contract'
import { invokeChannel } from '../invoke'
import type { ChannelDeps } from './deps'
import { testChannelDeps } from './deps.test-support'

/** A temp folder made before each test and removed after it. */
export function folderPerTest(name: string): () => string {
  let folder = ''
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), `neuroref-${name}-`))
  })
  afterEach(() => rmSync(folder, { recursive: true, force: true }))
  return () => folder
}

export const call = (handlers: Partial<Handlers>, channel: string, arg: unknown) => invokeChannel(handlers as Handlers, channel, arg)

/** Deps whose save dialog (`dialog`: which one) answers `chosen`. */
export function dialogDeps(dialog: 'chooseBackupFile' | 'chooseExportFile', chosen: string | null, asked: string[] = []): ChannelDeps {
  return testChannelDeps({}, {}, { [dialog]: async (name: string) => (asked.push(name), chosen) })
}
