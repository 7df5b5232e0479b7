// The sync worker: holds the library's replica and runs its replication with
// the server (replica-host.ts), so that PouchDB's work leaves the window's
// thread. One per running sync engine; the engine ends it when it stops.
import { ReplicaHost, type HostReply, type HostRequest } from './replica-host'

const host = new ReplicaHost((reply: HostReply) => (self as unknown as Worker).postMessage(reply))

self.onmessage = (event: MessageEvent<HostRequest>) => void host.handle(event.data)
