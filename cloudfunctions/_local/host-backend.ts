/**
 * What the fixed HTTP surface (http-server.ts) asks of a host. Two hosts answer it: the local host
 * (local-backend.ts: every function in this process on SQLite) and the production path
 * (tools/cloud-host: the built bundles on the function runner against the CloudBase emulator).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Caller } from '../_shared/ports/identity.port'
import type { PersonaView } from './seed/demo-province'

export interface OrgView {
  id: string
  name: string
  level: string
  parentId: string | null
}

/**
 * Answers a request with an envelope. `close`: the answer goes out before the body was read (or while
 * it is still coming), so the connection closes after it instead of reading the rest.
 */
export type Reply = (status: number, body: unknown, options?: { close?: boolean }) => void

export interface HostBackend {
  hasFunction(name: string): boolean
  /** One call of one function; answers its envelope (a failure of the function is an envelope too). */
  callFunction(name: string, event: unknown, caller: Caller): Promise<unknown>
  personas(): Promise<PersonaView[]>
  orgs(): Promise<OrgView[]>
  clockNow(): string
  advanceClock(hours: number): Promise<void>
  /** Every timer job now; what each did, by function. */
  tick(): Promise<Record<string, unknown>>
  outbox(openid: string | null): Promise<unknown[]>
  /** The deliberation cards shared to group chats: each activity id's last state and its updates. */
  cards(): Promise<unknown[]>
  receivePhoto(req: IncomingMessage, caller: Caller & { kind: 'user' }, reply: Reply): void
  /** Serves a stored photo; false when there is none by that name. */
  servePhoto(name: string, res: ServerResponse): Promise<boolean>
}
