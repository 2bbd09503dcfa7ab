/**
 * What the emulator's HTTP front (emulator.ts) and its services (database, storage, open APIs) say to
 * each other. A deployed function reaches CloudBase at one URL, `POST <TCB_CONTEXT_CNFG.URL>?env=…`,
 * with a signed body whose `action` names the service (`database.*`, `storage.*`, `wx.openApi`, `wx.api`):
 * node_modules/@cloudbase/node-sdk/dist/utils/tcbapirequester.js.
 */

/** Who is calling: the function whose injected credentials signed the request, in which environment. */
export interface TcbCaller {
  /** The function name (from the secretId the runner gave its instances). */
  functionName: string
  envId: string
  /** Its declared open-API permissions (FunctionRegistration.openapi), for the open-API service to check. */
  openapi?: readonly string[]
}

/** A decoded request: the JSON body, or the multipart fields (file fields as Buffers). */
export interface TcbRequest {
  action: string
  params: Record<string, unknown>
  caller: TcbCaller
}

/**
 * What goes back. `json` is sent as `application/json` with HTTP 200 — errors too, as `{ code,
 * message, requestId }`, which node-sdk turns into a rejection (utils.processReturn). `raw` is for
 * `wx.openApi`, whose answer is a protobuf buffer (wx-server-sdk decodes `CommOpenApiResp`).
 */
export type TcbResponse =
  | { kind: 'json'; body: unknown }
  | { kind: 'raw'; contentType: string; body: Buffer }

/** A deployed function as the emulator knows it: its credentials and its declared open-API permissions. */
export interface FunctionRegistration {
  name: string
  secretId: string
  secretKey: string
  sessionToken: string
  /** `config.json` permissions.openapi, e.g. ['subscribeMessage.send', 'security.msgSecCheck']. */
  openapi: string[]
}

/** A service behind the HTTP front (database, storage, open APIs): one decoded request in, one answer out. */
export interface TcbService {
  handle(req: TcbRequest): Promise<TcbResponse>
}
