/**
 * How answers leave the server. JSON always goes as `application/json; charset=utf-8`: for the
 * multipart `wx.openApi`, node-sdk parses a body as JSON (an error envelope) only when the content type
 * is exactly that (handleWxOpenApiData in node_modules/@cloudbase/node-sdk/dist/utils/tcbapirequester.js);
 * anything else it hands back as the protobuf buffer.
 */
import type { ServerResponse } from 'node:http'

export const JSON_TYPE = 'application/json; charset=utf-8'

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON_TYPE, Buffer.from(JSON.stringify(body)))
}

export function send(res: ServerResponse, status: number, contentType: string, body: Buffer, head = false): void {
  if (res.headersSent) {
    res.end()
    return
  }
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length })
  res.end(head ? undefined : body)
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)

/**
 * A COS error body. node-sdk's uploadFile destructures Code, Message, RequestId and TraceId from it
 * (node_modules/@cloudbase/node-sdk/dist/storage/index.js), so all four are always present.
 */
export function sendCosError(res: ServerResponse, status: number, code: string, message: string, resource: string, requestId: string, head = false): void {
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n  <Code>${escapeXml(code)}</Code>\n  <Message>${escapeXml(message)}</Message>\n` +
    `  <Resource>${escapeXml(resource)}</Resource>\n  <RequestId>${requestId}</RequestId>\n  <TraceId>${requestId}</TraceId>\n</Error>\n`
  res.setHeader('x-cos-request-id', requestId)
  send(res, status, 'application/xml', Buffer.from(xml), head)
}
