// The single place where a handler's outcome becomes data for the renderer:
// both the IPC binding and the web host call this, so both speak the same.
import { isChannel, type Channel, type ChannelResult, type Handlers } from '@shared/contract'
import { fail, ok, ServiceError, type Result } from '@shared/result'

export async function invokeChannel(handlers: Handlers, channel: string, arg: unknown): Promise<Result<ChannelResult<Channel>>> {
  if (!isChannel(channel)) return fail('INVALID_INPUT', `Unknown request “${channel}”.`)
  try {
    const handler = handlers[channel] as (a: unknown) => Promise<ChannelResult<Channel>>
    return ok(await handler(arg))
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.code, error.message)
    console.error(`[neuroref] ${channel} failed unexpectedly`, error)
    return fail('INTERNAL', 'Something went wrong inside Neuroref. The library was not changed.')
  }
}
