/**
 * The local host's HTTP surface (README.md "Trying it"), fixed because tests outside the project use
 * it: `POST /api/<function>`, the `/__dev/*` routes, and the H5 app for everything else. The same
 * surface serves both hosts: what answers it is a HostBackend (host-backend.ts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { Duplex } from 'node:stream'
import { fail } from '../../types/envelope'
import type { Caller } from '../_shared/ports/identity.port'
import type { Logger } from '../_shared/ports/logger.port'
import type { HostBackend } from './host-backend'
import { readBody } from './request-body'
import { inlineScriptHashes, securityHeaders } from './security-headers'

/** No action needs more than a few KB; a larger body is refused before it is parsed. */
const MAX_BODY_BYTES = 256 * 1024
export interface HostOptions {
  backend: HostBackend
  staticDir: string
  log: Logger
  /** Origins the app shows photos from besides its own (the production path's emulated storage). */
  imageOrigins?: string[]
}

/** `close`: answered before the body was read, so the connection closes after the answer (Reply). */
function sendJson(res: ServerResponse, status: number, body: unknown, options: { close?: boolean } = {}): void {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(json),
    ...(options.close ? { connection: 'close' } : {}),
  })
  res.end(json)
}

function callerFrom(req: IncomingMessage): Caller {
  const header = req.headers['x-openid']
  const openid = Array.isArray(header) ? header[0] : header
  return openid && openid.length <= 64 ? { kind: 'user', openid } : { kind: 'anonymous' }
}

async function parseJson(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | null> {
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body.kind !== 'read') {
    const [status, message] = body.kind === 'too-large' ? [413, '提交的内容太大'] : [400, '请求读取失败']
    sendJson(res, status, fail('INVALID_INPUT', message), { close: true })
    return null
  }
  const text = body.bytes.toString('utf8')
  try {
    return { value: text.trim() === '' ? {} : JSON.parse(text) }
  } catch {
    sendJson(res, 400, fail('INVALID_INPUT', '请求格式不正确（不是有效的 JSON）'))
    return null
  }
}

/** The request's path, or null when its target cannot be parsed as a URL at all. */
const urlOf = ({ url = '/' }: IncomingMessage): URL | null => (URL.canParse(url, 'http://local') ? new URL(url, 'http://local') : null)

const MALFORMED_PATH = fail('INVALID_INPUT', '请求地址格式不正确')

async function route(options: HostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { backend } = options
  const url = urlOf(req)
  if (!url) return sendJson(res, 400, MALFORMED_PATH)
  const path = url.pathname

  if (path.startsWith('/api/')) {
    if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请使用 POST 调用云函数'))
    const name = path.slice(5)
    if (!backend.hasFunction(name)) return sendJson(res, 404, fail('NOT_FOUND', `没有这个云函数：${name.slice(0, 40)}`))
    const body = await parseJson(req, res)
    if (!body) return
    return sendJson(res, 200, await backend.callFunction(name, body.value, callerFrom(req)))
  }

  if (path === '/files' && req.method === 'POST') {
    // Only people of the system upload: the same identity header as the functions.
    const caller = callerFrom(req)
    if (caller.kind !== 'user') return sendJson(res, 401, fail('UNAUTHENTICATED', '请先登录后再上传'), { close: true })
    return backend.receivePhoto(req, caller, (status, body, replyOptions) => sendJson(res, status, body, replyOptions))
  }
  if (path.startsWith('/files/') && req.method === 'GET') {
    if (await backend.servePhoto(path.slice(7), res)) return
    return sendJson(res, 404, fail('NOT_FOUND', '图片不存在'))
  }

  switch (`${req.method} ${path}`) {
    case 'GET /__dev/personas':
      return sendJson(res, 200, await backend.personas())
    case 'GET /__dev/orgs':
      return sendJson(res, 200, await backend.orgs())
    case 'GET /__dev/clock':
      return sendJson(res, 200, { now: backend.clockNow() })
    case 'POST /__dev/clock': {
      const body = await parseJson(req, res)
      if (!body) return
      // `null`, a list, a string: no object, no advanceHours (and no TypeError on reading it).
      const value = body.value
      const hours = value !== null && typeof value === 'object' ? (value as { advanceHours?: unknown }).advanceHours : undefined
      if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24 * 366) {
        return sendJson(res, 400, fail('INVALID_INPUT', 'advanceHours 应为 0 到 8784 之间的数字'))
      }
      await backend.advanceClock(hours)
      return sendJson(res, 200, { now: backend.clockNow() })
    }
    case 'POST /__dev/tick':
      return sendJson(res, 200, await backend.tick())
    case 'GET /__dev/outbox':
      return sendJson(res, 200, await backend.outbox(url.searchParams.get('openid')))
    case 'GET /__dev/cards':
      return sendJson(res, 200, await backend.cards())
  }
  if (path.startsWith('/__dev/')) return sendJson(res, 404, fail('NOT_FOUND', '没有这个开发接口'))
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('INVALID_INPUT', '不支持的请求方法'))
  if (!serveStatic(options.staticDir, path, res)) sendJson(res, 400, MALFORMED_PATH)
}

// The built H5 app. Unknown paths get index.html (the app routes by hash anyway).
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** The path as a file name, or null when it is not one: bad percent-encoding (`/%`, `/%E0%A4%A`) or a NUL. */
function decodePath(urlPath: string): string | null {
  try {
    const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
    return decoded.includes('\0') ? null : decoded
  } catch {
    return null
  }
}

/** Serves the file at `urlPath` (or the app); false, having sent nothing, when the path is malformed. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean {
  const decoded = decodePath(urlPath)
  if (decoded === null) return false
  const candidate = normalize(join(root, decoded))
  // Never step outside the build folder, whatever the URL says.
  const inside = candidate === root || candidate.startsWith(root + sep)
  const file =
    inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 应用尚未构建：请运行 npm run build:h5')
    return true
  }
  const hashed = /\.[0-9a-f]{8}\./.test(file)
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  createReadStream(file).pipe(res)
  return true
}

/**
 * A request node's HTTP parser refuses (a broken header, a bad chunk, headers too large) never reaches
 * the router: node answers a bare `400 Bad Request` with no body and none of our headers. This answers
 * it as the surface answers everything: the envelope, in Chinese, with the security headers.
 */
const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }

function statusOf(code: string | undefined): { status: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, message: '请求头太大' }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: '请求超时，请重试' }
  return { status: 400, message: '请求格式不正确' }
}

export function answerClientError(error: Error & { code?: string }, socket: Duplex, headers: Record<string, string>): void {
  // Gone already, or half way through a response to an earlier request on it: nothing can be said.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight) {
    socket.destroy()
    return
  }
  const { status, message } = statusOf(error.code)
  const body = JSON.stringify(fail('INVALID_INPUT', message))
  const lines = [
    `HTTP/1.1 ${status} ${REASONS[status]}`,
    'content-type: application/json; charset=utf-8',
    'cache-control: no-store',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ]
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`)
}

export function createHostServer(options: HostOptions): Server {
  const inlineScripts = inlineScriptHashes(options.staticDir)
  const headers = () => securityHeaders({ inlineScripts: inlineScripts(), imageOrigins: options.imageOrigins ?? [] })
  const server = createServer((req, res) => {
    // Every response, whatever answers it below (router, static files, photos, refusals).
    for (const [name, value] of Object.entries(headers())) res.setHeader(name, value)
    route(options, req, res).catch((error: unknown) => {
      // The host itself must survive anything a request does.
      options.log.error('host request failed', { url: req.url, error: String(error) })
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '系统繁忙，请稍后再试'))
      else res.end()
    })
  })
  server.on('clientError', (error: Error & { code?: string }, socket) => answerClientError(error, socket, headers()))
  return server
}
