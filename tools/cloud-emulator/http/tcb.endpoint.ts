/**
 * `POST /admin?env=<env>&seqId=…`: the one URL a deployed function reaches CloudBase at
 * (TCB_CONTEXT_CNFG.URL, or `serviceUrl` in tcb.init: buildUrl in
 * node_modules/@cloudbase/node-sdk/dist/utils/tcbapiendpoint.js). The body is JSON (every action but
 * the open APIs) or multipart/form-data (`wx.openApi`, `wx.wxPayApi`), its `action` names the service.
 *
 * In order: the body is decoded; the caller is identified by the secretId of its signature, the
 * signature recomputed, its session token compared, its environment and X-TCB-Source checked; then
 * the action goes to its service. Every failure, malformed input included, is an HTTP 200 body
 * `{ code, message, requestId }`, as CloudBase answers and node-sdk's processReturn reads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CloudError, CODES } from '../cloud-error'
import type { FunctionRegistry } from '../function-registry'
import type { TcbCaller, TcbRequest, TcbResponse, TcbService } from '../service.types'
import { BodyTooLarge, readBody } from './body.reader'
import { parseMultipart } from './multipart.parser'
import { send, sendJson } from './reply.writer'
import { parseAuthorization, signatureProblem } from './tcb-signature.verifier'

/** The largest TCB request body accepted. */
export const MAX_TCB_BODY_BYTES = 32 * 1024 * 1024

export interface RequestRecord {
  action: string
  /** The calling function, or '' when the request was refused before it was identified. */
  functionName: string
  collection?: string
  /** The error code answered, when the request failed. */
  error?: string
}

export interface TcbEndpointDeps {
  envId: string
  registry: FunctionRegistry
  database: TcbService
  storage: TcbService
  openapi?: TcbService
  record: (entry: RequestRecord) => void
  log: (line: string) => void
}

type Params = Record<string, unknown>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

async function decodeBody(req: IncomingMessage): Promise<Params> {
  let body: Buffer
  try {
    body = await readBody(req, MAX_TCB_BODY_BYTES)
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new CloudError(CODES.EXCEED_REQUEST_SIZE_LIMIT, error.message)
    throw error
  }
  const contentType = first(req.headers['content-type']) ?? ''
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    try {
      return await parseMultipart(contentType, body, MAX_TCB_BODY_BYTES)
    } catch (error) {
      throw new CloudError(CODES.INVALID_PARAM, `malformed multipart body: ${(error as Error).message}`)
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    throw new CloudError(CODES.INVALID_PARAM, 'the request body is not JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CloudError(CODES.INVALID_PARAM, 'the request body must be a JSON object')
  }
  return parsed as Params
}

/** Who signed the request; throws SIGN_PARAM_INVALID / INVALID_ENV / INVALID_REQUEST_SOURCE otherwise. */
function identify(req: IncomingMessage, url: URL, params: Params, deps: TcbEndpointDeps): TcbCaller {
  const auth = parseAuthorization(first(req.headers.authorization))
  if (!auth) throw new CloudError(CODES.SIGN_PARAM_INVALID, 'missing or malformed Authorization header')
  const registration = deps.registry.bySecret(auth.secretId)
  if (!registration) throw new CloudError(CODES.SIGN_PARAM_INVALID, `SecretId ${auth.secretId} does not exist`)
  const problem = signatureProblem(auth, registration.secretKey, {
    method: req.method ?? 'POST',
    url: `http://${first(req.headers.host) ?? ''}${req.url ?? ''}`,
    headers: req.headers,
    params,
  })
  if (problem) throw new CloudError(CODES.SIGN_PARAM_INVALID, `signature check failed: ${problem}`)
  if (registration.sessionToken && params.sessionToken !== registration.sessionToken) {
    throw new CloudError(CODES.SIGN_PARAM_INVALID, 'the session token does not belong to this SecretId')
  }
  const env = url.searchParams.get('env') ?? ''
  if (env !== deps.envId || params.envName !== deps.envId) {
    throw new CloudError(CODES.INVALID_ENV, `environment ${JSON.stringify(params.envName ?? env)} not found (this is ${deps.envId})`)
  }
  if (!auth.signedHeaders.includes('x-tcb-source') || first(req.headers['x-tcb-source']) === undefined) {
    throw new CloudError(CODES.INVALID_REQUEST_SOURCE, 'missing signed X-TCB-Source header')
  }
  return { functionName: registration.name, envId: deps.envId, openapi: registration.openapi }
}

function serviceFor(action: string, deps: TcbEndpointDeps): TcbService {
  if (action.startsWith('database.')) return deps.database
  if (action.startsWith('storage.')) return deps.storage
  if (action === 'wx.openApi' || action === 'wx.api') {
    if (!deps.openapi) throw new CloudError(CODES.SYS_ERR, `${action}: open APIs are not emulated here (no openapi handler given)`)
    return deps.openapi
  }
  throw new CloudError(CODES.INVALID_ACTION, `unknown or unemulated action ${JSON.stringify(action)}`)
}

function reply(res: ServerResponse, response: TcbResponse, requestId: string): void {
  if (response.kind === 'raw') {
    send(res, 200, response.contentType, response.body)
    return
  }
  const body = response.body
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    sendJson(res, 200, { requestId, ...(body as Params) })
  } else {
    sendJson(res, 200, body)
  }
}

export async function serveTcb(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, deps: TcbEndpointDeps): Promise<void> {
  let record: RequestRecord | undefined
  try {
    if (req.method !== 'POST') throw new CloudError(CODES.INVALID_PARAM, `${req.method ?? ''} is not supported: TCB requests are POSTs`)
    const params = await decodeBody(req)
    const action = params.action
    if (typeof action !== 'string' || action === '') throw new CloudError(CODES.INVALID_PARAM, 'the body has no action')
    record = { action, functionName: '' }
    if (typeof params.collectionName === 'string') record.collection = params.collectionName
    deps.record(record)
    const caller = identify(req, url, params, deps)
    record.functionName = caller.functionName
    const request: TcbRequest = { action, params, caller }
    reply(res, await serviceFor(action, deps).handle(request), requestId)
  } catch (error) {
    const known = error instanceof CloudError
    const code = known ? error.code : CODES.SYS_ERR
    const message = known ? error.message : `emulator failure: ${(error as Error)?.message ?? String(error)}`
    if (!known) deps.log(`[cloud-emulator] ${requestId} ${record?.action ?? '?'}: ${(error as Error)?.stack ?? String(error)}`)
    if (record) record.error = code
    sendJson(res, 200, { code, message, requestId })
  }
}
