/** How the demo's seeds call a host's surface as a persona: the envelope's data, or a thrown refusal. */
import type { Caller } from '../../_shared/ports/identity.port'
import type { HostBackend } from '../host-backend'

export type SurfaceCall = (fn: string, openid: string, event: Record<string, unknown>) => Promise<Record<string, unknown>>

type Envelope = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } }

export function surfaceCall(backend: Pick<HostBackend, 'callFunction'>): SurfaceCall {
  return async (fn, openid, event) => {
    const caller: Caller = { kind: 'user', openid }
    const reply = (await backend.callFunction(fn, event, caller)) as Envelope
    if (!reply.ok) throw new Error(`demo data not written (${fn}.${String(event.action)} as ${openid}): ${reply.error.code} ${reply.error.message}`)
    return reply.data
  }
}
