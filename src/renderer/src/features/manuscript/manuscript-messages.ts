// What the window and the manuscript worker say to each other.
import type { ExportItem } from '@shared/export/bibtex-fields'
import type { StyleSource } from '@shared/export/styles'
import type { FormatProgress } from '@shared/manuscript/manuscript'
import type { Choices } from '@shared/manuscript/resolve'
import type { ErrorCode } from '@shared/result'

export type ToManuscriptWorker =
  | { id: number; kind: 'open'; key: number; bytes: Uint8Array; name: string }
  | { id: number; kind: 'review'; key: number; library: ExportItem[]; choices?: Choices }
  | { id: number; kind: 'references'; key: number }
  | { id: number; kind: 'warm'; style: StyleSource; lang?: string }
  | { id: number; kind: 'format'; key: number; library: ExportItem[]; style: StyleSource; opts: { choices?: Choices; lang?: string } }

export type FromManuscriptWorker =
  | { id: number; kind: 'progress'; progress: FormatProgress }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; code: ErrorCode; message: string }
