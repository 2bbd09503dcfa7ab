/**
 * HTTP below fetch: what a client actually receives when a host answers before it has read the body,
 * closes the connection, or is sent bytes no well-behaved client would send. `fetch` hides all three.
 */
import { request, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'

export interface RawReply {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

export interface RawRequest {
  method?: string
  /** Sent as is: `/%` stays `/%`. */
  path: string
  headers?: Record<string, string>
  body?: Buffer
  /** Send the body in pieces with `transfer-encoding: chunked` (no content-length). */
  chunked?: boolean
}

/**
 * One request through node:http on its own connection. The body is sent in full; the reply is what the
 * client read, even if the host then closed the connection on the rest of the body (an error after a
 * complete reply is what answering early means; an error before one fails the request).
 */
export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    let replied = false
    const req = request({
      host: hostname,
      port,
      method: options.method ?? 'GET',
      path: options.path,
      headers: { ...options.headers, ...(options.chunked ? { 'transfer-encoding': 'chunked' } : {}) },
      agent: false,
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        replied = true
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
      })
      res.on('error', (error) => {
        if (!replied) reject(error)
      })
    })
    req.on('error', (error) => {
      if (!replied) setTimeout(() => replied || reject(error), 200)
    })
    const body = options.body ?? Buffer.alloc(0)
    if (options.chunked) {
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024))
      req.end()
    } else {
      req.end(body)
    }
  })
}

/**
 * Writes `bytes` on a bare socket and answers everything read back until the host closes the connection
 * (or `waitMs` passes: then whatever arrived so far). For request lines and headers node:http would
 * refuse to send, and for bodies that are announced but never sent.
 */
export function rawExchange(baseUrl: string, bytes: Buffer | string, waitMs = 5_000): Promise<string> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(Buffer.concat(chunks).toString('utf8'))
    }
    const timer = setTimeout(done, waitMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', done)
    socket.on('close', done)
    socket.on('error', (error) => (chunks.length > 0 ? done() : (clearTimeout(timer), reject(error))))
    socket.write(bytes)
  })
}

/** The status, headers (lower-cased names) and body of one raw HTTP/1.1 response. */
export function parseRawResponse(raw: string): RawReply {
  const split = raw.indexOf('\r\n\r\n')
  const head = split === -1 ? raw : raw.slice(0, split)
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers: IncomingHttpHeaders = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, text: split === -1 ? '' : raw.slice(split + 4) }
}
