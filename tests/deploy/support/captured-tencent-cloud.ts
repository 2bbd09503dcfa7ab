/**
 * Test-only: every HTTPS request this process makes is answered by a server on 127.0.0.1 instead of
 * leaving the machine, so @cloudbase/manager-node's real request code (node-fetch over https.request,
 * TC3-HMAC-SHA256 signing) runs against a stand-in for Tencent Cloud API 3.0. `https.request` is
 * redirected to the local server with the original Host header; `http.request` to anything but loopback
 * throws. Each captured request is checked like the real API would: the signature is recomputed with
 * the test's secret key, and the body is answered `{ Response: { …, RequestId } }`.
 */
import { createHash, createHmac } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'

export interface CapturedRequest {
  /** `scf`, `tcb`, … (the host's first label). */
  service: string
  action: string
  version: string
  region: string
  body: Record<string, unknown>
}

export type CloudError = { Code: string; Message: string }
export type Answer = (request: CapturedRequest) => Record<string, unknown> | { Error: CloudError }

export interface CapturedCloud {
  requests: CapturedRequest[]
  /** Requests after index `from`, as `service:Action`. */
  actionsSince(from: number): string[]
  restore(): Promise<void>
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest()

/** TC3-HMAC-SHA256 as Tencent Cloud API 3.0 checks it (the request manager-node signs). */
function expectedAuthorization(secretId: string, secretKey: string, host: string, timestamp: number, service: string, body: string): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10)
  const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${host}\n\ncontent-type;host\n${sha256(body)}`
  const scope = `${date}/${service}/tc3_request`
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request')
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${createHmac('sha256', signing).update(toSign).digest('hex')}`
}

const isLoopback = (host: string | null | undefined) => !host || host === 'localhost' || host.startsWith('127.') || host === '::1'

type RequestArgs = [string | URL | http.RequestOptions, (http.RequestOptions | ((res: http.IncomingMessage) => void))?, ((res: http.IncomingMessage) => void)?]

function optionsOf(args: RequestArgs): { options: http.RequestOptions; callback?: (res: http.IncomingMessage) => void } {
  const [first, second, third] = args
  if (typeof first === 'string' || first instanceof URL) {
    const url = new URL(first)
    const extra = typeof second === 'object' ? second : {}
    return {
      options: { hostname: url.hostname, path: `${url.pathname}${url.search}`, method: 'GET', ...extra },
      callback: typeof second === 'function' ? second : third,
    }
  }
  return { options: first, callback: typeof second === 'function' ? second : third }
}

export async function captureTencentCloud(answer: Answer, credentials: { secretId: string; secretKey: string }): Promise<CapturedCloud> {
  const requests: CapturedRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const host = String(req.headers['x-captured-host'] ?? req.headers.host ?? '')
      const service = host.split('.')[0] ?? ''
      const timestamp = Number(req.headers['x-tc-timestamp'])
      const reply = (response: Record<string, unknown>) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ Response: { ...response, RequestId: `req-${requests.length}` } }))
      }
      if (req.headers.authorization !== expectedAuthorization(credentials.secretId, credentials.secretKey, host, timestamp, service, text)) {
        reply({ Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' } })
        return
      }
      const request: CapturedRequest = {
        service,
        action: String(req.headers['x-tc-action']),
        version: String(req.headers['x-tc-version']),
        region: String(req.headers['x-tc-region']),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      }
      requests.push(request)
      reply(answer(request))
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo

  const originalHttps = { request: https.request, get: https.get }
  const originalHttp = { request: http.request, get: http.get }
  const redirected = (...args: RequestArgs) => {
    const { options, callback } = optionsOf(args)
    const headers = { ...(options.headers as Record<string, string>), 'x-captured-host': String(options.hostname ?? options.host) }
    const local: http.RequestOptions = { hostname: '127.0.0.1', port, path: options.path ?? '/', method: options.method ?? 'GET', headers }
    return callback ? originalHttp.request(local, callback) : originalHttp.request(local)
  }
  const guarded = (...args: RequestArgs) => {
    const { options } = optionsOf(args)
    if (!isLoopback(options.hostname ?? options.host)) throw new Error(`test refused a network request to ${String(options.hostname ?? options.host)}`)
    return (originalHttp.request as (...a: RequestArgs) => http.ClientRequest)(...args)
  }
  Object.assign(https, { request: redirected, get: (...args: RequestArgs) => redirected(...args).end() })
  Object.assign(http, { request: guarded, get: (...args: RequestArgs) => guarded(...args).end() })

  return {
    requests,
    actionsSince: (from) => requests.slice(from).map((r) => `${r.service}:${r.action}`),
    restore: async () => {
      Object.assign(https, originalHttps)
      Object.assign(http, originalHttp)
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}
