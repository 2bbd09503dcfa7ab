/**
 * A local CloudBase for development and tests: one HTTP server on 127.0.0.1 answering what
 * @cloudbase/node-sdk (and wx-server-sdk, which wraps it) sends from inside a deployed function.
 *
 * - `POST /admin?env=…` (adminUrl; what goes into TCB_CONTEXT_CNFG.URL, or tcb.init's `serviceUrl`):
 *   signed TCB requests, dispatched by action to the database, storage or open-API service
 *   (http/tcb.endpoint.ts);
 * - `PUT|GET|HEAD /cos/<bucket>/<path>`: the object endpoints storage hands out (storage/cos.endpoint.ts).
 *
 * Everything committed lives in `dataDir`: a restart on the same directory keeps it. What it models and
 * what it does not: README.md.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { databaseAdmin, type DatabaseAdmin } from './database/database.admin'
import { DatabaseService } from './database/database.service'
import { FunctionRegistry } from './function-registry'
import { sendCosError, sendJson } from './http/reply.writer'
import { serveTcb, type RequestRecord } from './http/tcb.endpoint'
import type { FunctionRegistration, TcbService } from './service.types'
import { serveCos } from './storage/cos.endpoint'
import { storageAdmin, type StorageAdmin } from './storage/storage.admin'
import { StorageService } from './storage/storage.service'

export interface CloudEmulatorOptions {
  /** Where the database file and the stored files live; created when missing. */
  dataDir: string
  envId: string
  /** 0 or absent: a free port. */
  port?: number
  /** The emulated clock in ms (transaction lifetimes, temp URL expiry, serverDate); default Date.now. */
  now?: () => number
  /** Answers `wx.openApi` and `wx.api` (tools/cloud-emulator/openapi/); without it they answer an error. */
  openapi?: TcbService
  log?: (line: string) => void
  /**
   * A round trip's time, added before each TCB request is answered (concurrent requests overlap, as
   * on a network): what a function inside CloudBase waits for its database. 0 or absent: none.
   */
  latencyMs?: number
}

export interface CloudEmulator {
  /** http://127.0.0.1:<port> */
  url: string
  /** url + '/admin': TCB_CONTEXT_CNFG.URL for a function, or `serviceUrl` for tcb.init. */
  adminUrl: string
  envId: string
  /** Makes a function's credentials known: requests signed with them are that function's. */
  registerFunction(registration: FunctionRegistration): void
  database: DatabaseAdmin
  storage: StorageAdmin
  /** Every TCB request so far, in arrival order (copies). */
  requests(): RequestRecord[]
  /** How many TCB requests so far (without copying them). */
  requestCount(): number
  /** Changes the round trip added to each TCB request (CloudEmulatorOptions.latencyMs). */
  setLatency(ms: number): void
  close(): Promise<void>
}

export type { RequestRecord } from './http/tcb.endpoint'

export async function startCloudEmulator(options: CloudEmulatorOptions): Promise<CloudEmulator> {
  const now = options.now ?? Date.now
  const log = options.log ?? (() => {})
  const { envId } = options
  if (!/^[a-z0-9_-]{1,40}$/.test(envId)) throw new Error(`invalid envId ${JSON.stringify(envId)} (node-sdk's isValidEnvFormat)`)
  mkdirSync(options.dataDir, { recursive: true })

  let baseUrl = ''
  const registry = new FunctionRegistry()
  const database = new DatabaseService({ file: join(options.dataDir, 'database.sqlite'), envId, now })
  const storage = new StorageService({ dir: join(options.dataDir, 'storage'), envId, now, baseUrl: () => baseUrl })
  const records: RequestRecord[] = []
  let latencyMs = options.latencyMs ?? 0
  let counter = 0
  const requestId = () => `${randomBytes(6).toString('hex')}-${(++counter).toString(16)}`

  const deps = {
    envId,
    registry,
    database,
    storage,
    ...(options.openapi ? { openapi: options.openapi } : {}),
    record: (entry: RequestRecord) => records.push(entry),
    log,
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = requestId()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/admin') {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
      return serveTcb(req, res, url, id, deps)
    }
    if (url.pathname.startsWith('/cos/')) return serveCos(req, res, url, storage, id)
    req.resume()
    sendCosError(res, 404, 'NotFound', `no such endpoint ${url.pathname}`, url.pathname, id)
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(`[cloud-emulator] unhandled ${req.method ?? ''} ${req.url ?? ''}: ${(error as Error)?.stack ?? String(error)}`)
      if (!res.headersSent) sendJson(res, 200, { code: 'SYS_ERR', message: 'emulator failure', requestId: requestId() })
      else res.destroy()
    })
  })
  // node-sdk's keep-alive agent drops idle sockets after 4.8 s (request-core.js); the server must
  // not close one first, or a request racing the close fails with ECONNRESET.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 70_000
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`
  log(`[cloud-emulator] env ${envId} listening on ${baseUrl}, data in ${options.dataDir}`)

  let closed: Promise<void> | undefined
  return {
    url: baseUrl,
    adminUrl: `${baseUrl}/admin`,
    envId,
    registerFunction: (registration) => registry.register(registration),
    database: databaseAdmin(database),
    storage: storageAdmin(storage, envId),
    requests: () => records.map((record) => ({ ...record })),
    requestCount: () => records.length,
    setLatency: (ms) => {
      latencyMs = ms
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          database.close()
          resolve()
        })
        server.closeAllConnections()
      })
      return closed
    },
  }
}
