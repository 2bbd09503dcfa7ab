/**
 * The local host's HTTP surface (DESIGN.md §4), fixed because tests outside the project use it:
 * `POST /api/<function>`, the `/__dev/*` routes, and the H5 app for everything else.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { fail } from '../../types/envelope'
import type { FunctionDef } from '../_shared/handler/define-function'
import type { Deps } from '../_shared/handler/deps'
import { handle, runJobs } from '../_shared/handler/handle'
import type { Caller } from '../_shared/ports/identity.port'
import type { AdjustableClock } from '../_shared/adapters/clock'
import { advanceLocalClock } from './local-clock'
import { serveStatic } from './static-files'
import { receivePhoto, servePhoto } from './local-files'
import { DEMO_PERSONAS } from './seed/demo-province'
import type { LocalMessenger } from '../_shared/adapters/local-messenger'

/** No action needs more than a few KB; a larger body is refused before it is parsed. */
const MAX_BODY_BYTES = 256 * 1024
/** The local tick has no platform timeout, but keep the same budget the cloud would. */
const JOB_BUDGET_MS = 50_000

export interface HostOptions {
  deps: Deps
  clock: AdjustableClock
  messenger: LocalMessenger
  functions: Record<string, FunctionDef>
  staticDir: string
  dataDir: string
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
      // Past the limit, keep reading (and dropping) so the client can still read our answer; cut off
      // only a client that keeps sending far beyond it.
      else if (size > 16 * MAX_BODY_BYTES) req.destroy()
    })
    req.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(json)
}

function callerFrom(req: IncomingMessage): Caller {
  const header = req.headers['x-openid']
  const openid = Array.isArray(header) ? header[0] : header
  return openid && openid.length <= 64 ? { kind: 'user', openid } : { kind: 'anonymous' }
}

async function parseJson(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | null> {
  let text: string
  try {
    text = await readBody(req)
  } catch (error) {
    if (error instanceof BodyTooLarge) sendJson(res, 413, fail('INVALID_INPUT', '提交的内容太大'))
    else sendJson(res, 400, fail('INVALID_INPUT', '请求读取失败'))
    return null
  }
  try {
    return { value: text.trim() === '' ? {} : JSON.parse(text) }
  } catch {
    sendJson(res, 400, fail('INVALID_INPUT', '请求格式不正确（不是有效的 JSON）'))
    return null
  }
}

async function route(
  options: HostOptions,
  afterChange: () => void,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { deps, clock, functions } = options
  const url = new URL(req.url ?? '/', 'http://local')
  const path = url.pathname

  if (path.startsWith('/api/')) {
    if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请使用 POST 调用云函数'))
    const fn = Object.hasOwn(functions, path.slice(5)) ? functions[path.slice(5)] : undefined
    if (!fn) return sendJson(res, 404, fail('NOT_FOUND', `没有这个云函数：${path.slice(5, 45)}`))
    const body = await parseJson(req, res)
    if (!body) return
    const reply = await handle(fn, body.value, callerFrom(req), deps)
    sendJson(res, 200, reply)
    // "Right after a change": deliver what the change queued, as the cloud's timer would a moment later.
    if (reply.ok) afterChange()
    return
  }

  if (path === '/files' && req.method === 'POST') {
    // Only people of the system upload: the same identity header as the functions.
    if (callerFrom(req).kind !== 'user') {
      req.resume()
      return sendJson(res, 401, fail('UNAUTHENTICATED', '请先登录后再上传'))
    }
    return receivePhoto(options.dataDir, req, (status, body) => sendJson(res, status, body))
  }
  if (path.startsWith('/files/') && req.method === 'GET') {
    if (servePhoto(options.dataDir, path.slice(7), res)) return
    return sendJson(res, 404, fail('NOT_FOUND', '图片不存在'))
  }

  switch (`${req.method} ${path}`) {
    case 'GET /__dev/personas':
      return sendJson(res, 200, await personas(deps))
    case 'GET /__dev/orgs':
      return sendJson(
        res,
        200,
        (await deps.store.orgs.all()).map(({ id, name, level, parentId }) => ({ id, name, level, parentId })),
      )
    case 'GET /__dev/clock':
      return sendJson(res, 200, { now: clock.now() })
    case 'POST /__dev/clock': {
      const body = await parseJson(req, res)
      if (!body) return
      const hours = (body.value as { advanceHours?: unknown }).advanceHours
      if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24 * 366) {
        return sendJson(res, 400, fail('INVALID_INPUT', 'advanceHours 应为 0 到 8784 之间的数字'))
      }
      await advanceLocalClock(deps.store, clock, hours)
      return sendJson(res, 200, { now: clock.now() })
    }
    case 'POST /__dev/tick': {
      const report: Record<string, unknown> = {}
      for (const [name, fn] of Object.entries(functions)) {
        if (Object.keys(fn.jobs).length > 0) report[name] = await runJobs(fn, deps, JOB_BUDGET_MS)
      }
      return sendJson(res, 200, report)
    }
    case 'GET /__dev/outbox':
      return sendJson(res, 200, options.messenger.list(url.searchParams.get('openid')))
  }
  if (path.startsWith('/__dev/')) return sendJson(res, 404, fail('NOT_FOUND', '没有这个开发接口'))
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('INVALID_INPUT', '不支持的请求方法'))
  serveStatic(options.staticDir, path, res)
}

async function personas(deps: Deps) {
  const out = []
  for (const persona of DEMO_PERSONAS) {
    const org = await deps.store.orgs.get(persona.orgId)
    out.push({
      openid: persona.openid,
      name: persona.name,
      role: persona.role,
      orgId: persona.orgId,
      orgName: org?.name ?? '',
      level: org?.level ?? null,
    })
  }
  return out
}

/** One delivery run at a time per host; a change during a run asks for one more run after it. */
function deliveryTrigger(options: HostOptions): () => void {
  let delivering: Promise<unknown> | null = null
  let again = false
  const trigger = () => {
    const notify = options.functions.notify
    if (!notify) return
    if (delivering) {
      again = true
      return
    }
    delivering = runJobs(notify, options.deps, JOB_BUDGET_MS).finally(() => {
      delivering = null
      if (again) {
        again = false
        trigger()
      }
    })
  }
  return trigger
}

export function createHostServer(options: HostOptions): Server {
  const afterChange = deliveryTrigger(options)
  return createServer((req, res) => {
    route(options, afterChange, req, res).catch((error: unknown) => {
      // The host itself must survive anything a request does.
      options.deps.log.error('host request failed', { url: req.url, error: String(error) })
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '系统繁忙，请稍后再试'))
      else res.end()
    })
  })
}
