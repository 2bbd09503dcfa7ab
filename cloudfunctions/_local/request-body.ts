/**
 * Reads a request body within a limit, and says "too large" as early as it can: at once when the
 * request announces a larger `content-length` (nothing is read), as soon as the running size passes
 * the limit for a chunked body (reading stops there). The caller then answers 413 with
 * `connection: close` (http-server.ts): the answer goes out while the client may still be sending, and
 * the connection closes after it instead of waiting for, or cutting off, the rest. Reading on to the
 * end before answering, as before, cost a client sending 10 MB a reset and no answer (docs/security.md,
 * "Abuse and failures": the 413 before the connection closes).
 */
import type { IncomingMessage } from 'node:http'

export type BodyRead =
  | { kind: 'read'; bytes: Buffer }
  | { kind: 'too-large' }
  /** The client went away, or the stream failed: there is nobody to answer. */
  | { kind: 'failed' }

/** The `content-length` a request announces (node's parser has checked it is digits), null when chunked. */
export function announcedLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length']
  if (header === undefined) return null
  const length = Number(header)
  return Number.isSafeInteger(length) ? length : null
}

export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const announced = announcedLength(req)
  if (announced !== null && announced > limit) return Promise.resolve({ kind: 'too-large' })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (outcome: BodyRead) => {
      if (settled) return
      settled = true
      resolve(outcome)
    }
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        // Stop reading: the 413 goes out now and the connection closes after it.
        req.pause()
        settle({ kind: 'too-large' })
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => settle({ kind: 'read', bytes: Buffer.concat(chunks) }))
    req.on('error', () => settle({ kind: 'failed' }))
    req.on('close', () => settle(req.complete ? { kind: 'read', bytes: Buffer.concat(chunks) } : { kind: 'failed' }))
  })
}
