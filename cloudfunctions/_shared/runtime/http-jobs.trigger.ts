/**
 * Timer jobs through CloudBase's HTTP access service, for environments without timer triggers (cloud
 * functions 2.0): an external scheduler (or a CloudBase Run cron) POSTs to the function's HTTP path
 * with the header `x-job-secret: <JOB_TRIGGER_SECRET>`. The event and answer are the HTTP access
 * service's integration shapes: `{ path, httpMethod, headers, body, isBase64Encoded }` in,
 * `{ statusCode, headers, body, isBase64Encoded }` out. Without the variable set, every such request
 * is refused: the path is off unless the environment turns it on.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

export interface HttpEvent {
  httpMethod: string
  path?: string
  headers: Record<string, string | undefined>
  body?: string
  isBase64Encoded?: boolean
}

export interface HttpReply {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

/** A shorter secret could be guessed; one made with `openssl rand -hex 32` is 64 characters. */
export const MIN_SECRET_LENGTH = 32
export const SECRET_HEADER = 'x-job-secret'

export const isHttpEvent = (event: unknown): event is HttpEvent =>
  typeof event === 'object' &&
  event !== null &&
  typeof (event as { httpMethod?: unknown }).httpMethod === 'string' &&
  typeof (event as { headers?: unknown }).headers === 'object' &&
  (event as { headers?: unknown }).headers !== null

/** Whether the request carries this environment's job secret (compared in constant time). */
export function carriesJobSecret(event: HttpEvent, secret: string | undefined): boolean {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return false
  const given = Object.entries(event.headers).find(([name]) => name.toLowerCase() === SECRET_HEADER)?.[1]
  if (typeof given !== 'string') return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(secret))
}

export function httpReply(statusCode: number, body: unknown): HttpReply {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  }
}
