/**
 * Evaluates what @cloudbase/database sends: MongoDB-style filters, orders and projections (mingo's
 * `find`), and update operators (mingo's `update`: $set, $inc, $mul, $unset, $push with $each and
 * $position, $pop, $pull, $pullAll, $addToSet, $min, $max, $rename, $bit, $currentDate). The SDK emits
 * them in node_modules/@cloudbase/database/dist/commonjs/serializer/{query,update}.js.
 */
import { find, update } from 'mingo'
import { CloudError, CODES } from '../cloud-error'
import { cloneValue, type Doc } from './ejson.codec'

export interface QueryShape {
  filter: Doc
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Doc
}

/** The server's read caps: 100 rows unless told otherwise, never more than 1000. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

function mingoFailure(error: unknown): never {
  if (error instanceof CloudError) throw error
  throw new CloudError(CODES.DATABASE_REQUEST_FAILED, `invalid query or update: ${(error as Error).message}`)
}

/** The documents a filter matches, ordered, paged and projected. No cap: callers cap reads. */
export function runQuery(docs: readonly Doc[], shape: QueryShape): Doc[] {
  try {
    let cursor = find(docs as Doc[], shape.filter, shape.projection)
    if (shape.order && Object.keys(shape.order).length > 0) cursor = cursor.sort(shape.order)
    if (shape.offset) cursor = cursor.skip(shape.offset)
    if (shape.limit !== undefined) cursor = cursor.limit(shape.limit)
    return cursor.all() as Doc[]
  } catch (error) {
    mingoFailure(error)
  }
}

/** Applies one projection to one document (a doc().field().get()). */
export function project(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection) return doc
  return runQuery([doc], { filter: {}, projection })[0] ?? doc
}

/** The update operators node-sdk's update() sends: every top-level key is one. */
export function applyUpdate(current: Doc, modifier: Doc): Doc {
  const keys = Object.keys(modifier)
  if (keys.length === 0) throw new CloudError(CODES.INVALID_PARAM, 'empty update')
  if (keys.some((key) => !key.startsWith('$'))) {
    throw new CloudError(CODES.DATABASE_REQUEST_FAILED, `update must use operators only, got [${keys.join(', ')}]`)
  }
  for (const fields of Object.values(modifier)) {
    if (fields && typeof fields === 'object' && Object.keys(fields).some((f) => f === '_id' || f.startsWith('_id.'))) {
      throw new CloudError(CODES.DATABASE_REQUEST_FAILED, 'the _id of a document cannot be updated')
    }
  }
  const next = cloneValue(current)
  try {
    update(next, modifier as Parameters<typeof update>[1])
  } catch (error) {
    mingoFailure(error)
  }
  return next
}
