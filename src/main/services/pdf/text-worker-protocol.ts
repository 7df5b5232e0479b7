// Messages between main and the PDF text worker (text-worker.ts).
import type { ErrorCode } from '@shared/result'
import type { ExtractedText } from '@shared/contract'
import type { ExtractOptions } from './extract-text'

/** The worker's exit code when it stopped itself for using too much memory. */
export const TOO_MUCH_MEMORY = 86

export interface TextJob {
  id: number
  bytes: Uint8Array
  options: Omit<ExtractOptions, 'timeoutMs'>
}

export type TextReply = { id: number; ok: true; text: ExtractedText } | { id: number; ok: false; code: ErrorCode; message: string; passwordWasWrong?: boolean }
