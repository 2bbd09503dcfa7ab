/**
 * The parameters of database actions as @cloudbase/database writes them (document.js, query.js): a
 * doc() call's query is exactly `{ _id }`, an order is `{ field: 1 | -1 }`, set() sends a whole document.
 */
import { CloudError, CODES } from '../cloud-error'
import { decodeEjsonObject, type Doc } from './ejson.codec'

type Params = Record<string, unknown>

/** The key a document is held under: its `_id` (a string or a number, as doc() allows). */
export function keyOf(id: unknown): string {
  if (typeof id === 'string' && id !== '') return id
  if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  throw new CloudError(CODES.INVALID_PARAM, `_id must be a non-empty string or a number, got ${JSON.stringify(id)}`)
}

export function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new CloudError(CODES.INVALID_PARAM, `${what} is required`)
  return value
}

/** The `_id` a doc() call names: its query is exactly `{ _id }` (document.js). */
export function docId(params: Params): unknown {
  const query = decodeEjsonObject(params.query, 'query')
  keyOf(query._id)
  return query._id
}

export const docKey = (params: Params): string => keyOf(docId(params))

/** set(): the whole document replaced; `_id` first, as MongoDB stores it. */
export function replacement(data: Doc, id: unknown): Doc {
  if (Object.keys(data).some((key) => key.startsWith('$'))) {
    throw new CloudError(CODES.DATABASE_REQUEST_FAILED, 'set() takes a document, not update operators')
  }
  const { _id: _ignored, ...fields } = data
  return { _id: id, ...fields }
}

export function orderOf(order: Doc): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {}
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw new CloudError(CODES.INVALID_PARAM, `order of ${field} must be 1 or -1`)
    out[field] = direction
  }
  return out
}
