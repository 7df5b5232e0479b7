// The bibliography helper worker for the benchmark: a Node worker thread that
// serves pieces exactly as the app's second bibliography worker does.
import { workerData } from 'node:worker_threads'
import { serveHelper } from '@renderer/features/export/piece-helper'

serveHelper(workerData.port)
