/**
 * The local host's HTTP surface (README.md "Trying it"), fixed because tests outside the project use
 * it: `POST /api/<function>`, the `/__dev/*` routes, and the H5 app for everything else. The same
 * surface serves both hosts: what answers it is a HostBackend (host-backend.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { fail } from '../../types/envelope'
import type { Caller } from '../_shared/ports/identity.port'
import type { Logger } from '../_shared/ports/logger.port'
import { answerClientError } from './client-errors'
import type { HostBackend } from './host-backend'
import { inlineScriptHashes } from './inline-scripts'
import { readBody } from './request-body'
import { securityHeaders } from './security-headers'
import { serveStatic } from './static-files'

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
  if (body.kind === 'too-large') {
    sendJson(res, 413, fail('INVALID_INPUT', '提交的内容太大'), { close: true })
    return null
  }
  if (body.kind === 'failed') {
    sendJson(res, 400, fail('INVALID_INPUT', '请求读取失败'), { close: true })
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
function urlOf(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://local')
  } catch {
    return null
  }
}

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
  }
  if (path.startsWith('/__dev/')) return sendJson(res, 404, fail('NOT_FOUND', '没有这个开发接口'))
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('INVALID_INPUT', '不支持的请求方法'))
  if (!serveStatic(options.staticDir, path, res)) sendJson(res, 400, MALFORMED_PATH)
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
