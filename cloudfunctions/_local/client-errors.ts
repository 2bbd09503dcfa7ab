/**
 * A request node's HTTP parser refuses (a broken header, a bad chunk, headers too large) never reaches
 * the router: node answers a bare `400 Bad Request` with no body and none of our headers. This answers
 * it as the surface answers everything: the envelope, in Chinese, with the security headers.
 */
import type { Duplex } from 'node:stream'
import { fail } from '../../types/envelope'

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
