/**
 * The TC3-HMAC-SHA256 signature node-sdk puts on every TCB request (getHeaders in
 * node_modules/@cloudbase/node-sdk/dist/utils/tcbapirequester.js, computed by
 * node_modules/@cloudbase/signature-nodejs/lib/signer.js):
 *
 *   Authorization: TC3-HMAC-SHA256 Credential=<secretId>/<yyyy-mm-dd>/tcb/tc3_request,
 *                  SignedParams=<k;k…>, SignedHeaders=<h;h…>, Signature=<hex>
 *   X-Timestamp: <seconds>
 *
 * It is verified by recomputing it with the same library's `sign()` over what arrived: the method, the
 * URL (host, path and query), the headers it names, every body param (JSON fields, or multipart fields
 * and files) and the timestamp. What is not checked: README.md ("What it does not model").
 */
import type { IncomingHttpHeaders } from 'node:http'
import { sign } from '@cloudbase/signature-nodejs'

export interface ParsedAuthorization {
  secretId: string
  date: string
  service: string
  signedHeaders: string[]
  raw: string
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9_-]+)\/tc3_request,(?: SignedParams=[^,]*,)? SignedHeaders=([a-z0-9;_-]+), Signature=[0-9a-f]{64}$/

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  const match = header ? AUTHORIZATION.exec(header) : null
  if (!match) return null
  return { secretId: match[1]!, date: match[2]!, service: match[3]!, signedHeaders: match[4]!.split(';'), raw: header! }
}

export interface SignedRequest {
  method: string
  /** The URL as the client built it: `http://<Host header><path and query>`. */
  url: string
  headers: IncomingHttpHeaders
  params: Record<string, unknown>
}

/** Null when the signature is the one `secretKey` gives this request; otherwise why not. */
export function signatureProblem(auth: ParsedAuthorization, secretKey: string, request: SignedRequest): string | null {
  const timestamp = Number(request.headers['x-timestamp'])
  if (!Number.isInteger(timestamp) || timestamp <= 0) return 'missing or malformed X-Timestamp'
  const headers: Record<string, string> = {}
  for (const name of auth.signedHeaders) {
    const value = request.headers[name]
    if (value === undefined) return `signed header ${name} is missing`
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  try {
    const { authorization } = sign({
      secretId: auth.secretId,
      secretKey,
      // node-sdk signs the method as it passes it to its request core: lower case.
      method: request.method.toLowerCase(),
      url: request.url,
      headers,
      params: request.params,
      timestamp,
      service: auth.service,
      withSignedParams: true,
    })
    return authorization === auth.raw ? null : 'the signature does not match'
  } catch (error) {
    return `the request cannot be signed: ${(error as Error).message}`
  }
}
