// The part of PouchDB 9 Neuroref uses (sync/replica.ts). @types/pouchdb-*
// declare a global `Buffer` interface that breaks Node's own Buffer types in
// the same program, so these few declarations are ours.
declare module 'pouchdb-core' {
  namespace PouchDB {
    interface Doc {
      _id: string
      _rev?: string
      _deleted?: boolean
      _conflicts?: string[]
      _revisions?: { start: number; ids: string[] }
    }
    interface WriteResult {
      ok?: boolean
      id?: string
      rev?: string
      error?: string | boolean
      reason?: string
      status?: number
    }
    interface Change<T> {
      id: string
      seq: number | string
      changes: { rev: string }[]
      deleted?: boolean
      doc?: T & Doc
    }
    interface ChangesOptions {
      since?: number | string
      limit?: number
      include_docs?: boolean
      conflicts?: boolean
      doc_ids?: string[]
    }
    interface AllDocsRow<T> {
      id: string
      key: string
      value: { rev: string; deleted?: boolean }
      doc?: (T & Doc) | null
      error?: string
    }
    interface ReplicationChange<T> {
      direction: 'push' | 'pull'
      change: { docs: (T & Doc)[]; docs_written: number; pending?: number }
    }
    interface Sync<T> {
      on(event: 'change', listener: (info: ReplicationChange<T>) => void): this
      on(event: 'paused', listener: (error?: unknown) => void): this
      on(event: 'active' | 'complete', listener: () => void): this
      on(event: 'denied' | 'error', listener: (error: unknown) => void): this
      cancel(): void
    }
    interface SyncOptions {
      live?: boolean
      retry?: boolean
      batch_size?: number
      back_off_function?: (delay: number) => number
      /** which changes a replication sends: it reads each with its document */
      filter?: (doc: Doc) => boolean
      /** a one-shot replication: start reading the source's feed here, not at the checkpoint */
      since?: number | string
    }
    interface Database<T extends object = object> {
      readonly name: string
      get(id: string, options?: { rev?: string; revs?: boolean; conflicts?: boolean }): Promise<T & Doc & { _rev: string }>
      put(doc: T & Doc): Promise<WriteResult>
      bulkDocs(docs: (T & Doc)[], options?: { new_edits?: boolean }): Promise<WriteResult[]>
      allDocs(options: { keys?: string[]; include_docs?: boolean; limit?: number }): Promise<{ total_rows: number; rows: AllDocsRow<T>[] }>
      changes(options: ChangesOptions): Promise<{ results: Change<T>[]; last_seq: number | string }>
      info(): Promise<{ doc_count: number; update_seq: number | string }>
      sync(remote: Database<T>, options?: SyncOptions): Sync<T>
      replicate: {
        to(remote: Database<T>, options?: SyncOptions): Promise<unknown> & Sync<T>
        from(remote: Database<T>, options?: SyncOptions): Promise<unknown> & Sync<T>
      }
      /** the local database's own id, or the server's uuid and database name: PouchDB names checkpoints after both */
      id(): Promise<string>
      close(): Promise<void>
      destroy(): Promise<void>
    }
  }
  interface PouchDBStatic {
    new <T extends object = object>(name: string, options?: Record<string, unknown>): PouchDB.Database<T>
    plugin(plugin: unknown): PouchDBStatic
    defaults(options: Record<string, unknown>): PouchDBStatic
  }
  const PouchDB: PouchDBStatic
  export default PouchDB
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-replication' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-generate-replication-id' {
  /** PouchDB's name for a replication's checkpoint (`_local/<md5>`) */
  function generateReplicationId(
    source: { id(): Promise<string> },
    target: { id(): Promise<string> },
    options: { filter?: { toString(): string } }
  ): Promise<string>
  export default generateReplicationId
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown
  export default plugin
}
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http'
  function expressPouchdb(
    PouchDB: unknown,
    options?: Record<string, unknown>
  ): RequestListener & { couchConfig: { set(section: string, key: string, value: string, cb: (error?: unknown) => void): void } }
  export default expressPouchdb
}
