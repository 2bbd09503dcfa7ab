/**
 * The database's wire values. @cloudbase/database sends queries, updates, orders, projections and
 * documents as EJSON strings (canonical mode: `stringifyByEJSON` in node_modules/@cloudbase/database/
 * dist/commonjs/utils/utils.js) and parses every listed document back with `EJSON.parse`
 * (query.js, document.js). So the emulator parses what it receives and answers each document in
 * canonical EJSON: dates, longs and doubles come back as the types the SDK wrote.
 */
import { BSONRegExp, EJSON } from 'bson'
import { CloudError, CODES } from '../cloud-error'

export type Doc = Record<string, unknown>

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/** Sets an own property, `__proto__` included (which plain assignment would turn into a prototype change). */
function setOwn(target: Doc, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

/** One EJSON parameter, parsed; `what` names it in the error. */
export function decodeEjson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw new CloudError(CODES.INVALID_PARAM, `${what} must be an EJSON string`)
  try {
    return EJSON.parse(text)
  } catch (error) {
    throw new CloudError(CODES.INVALID_PARAM, `${what} is not valid EJSON: ${(error as Error).message}`)
  }
}

/** An EJSON parameter that must be an object (a query, an update, a document). */
export function decodeEjsonObject(text: unknown, what: string): Doc {
  const value = decodeEjson(text, what)
  if (!isPlainObject(value)) throw new CloudError(CODES.INVALID_PARAM, `${what} must be an object`)
  return value
}

/** What the SDK's `EJSON.parse` reads back as exactly the value stored. */
export const encodeDoc = (doc: Doc): string => EJSON.stringify(doc, { relaxed: false })

/** The form persisted on disk: the same canonical EJSON. */
export const parseStored = (text: string): Doc => EJSON.parse(text) as Doc

/**
 * `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`
 * (node_modules/@cloudbase/database/dist/commonjs/serverDate/index.js): the server's clock, here the
 * emulated one, plus the offset in ms.
 */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveServerDates(item, now))
  if (!isPlainObject(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const offset = Number((value.$tcb_server_date as { offset?: unknown } | null)?.offset ?? 0)
    return new Date(now + (Number.isFinite(offset) ? offset : 0))
  }
  const out: Doc = {}
  for (const key of keys) setOwn(out, key, resolveServerDates(value[key], now))
  return out
}

/** A filter as mingo evaluates it: EJSON's BSONRegExp (from `db.RegExp` or a JS RegExp) as a JS RegExp. */
export function toQueryValue(value: unknown): unknown {
  if (value instanceof BSONRegExp) {
    try {
      return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''))
    } catch {
      throw new CloudError(CODES.INVALID_PARAM, `invalid regular expression /${value.pattern}/`)
    }
  }
  if (Array.isArray(value)) return value.map(toQueryValue)
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [key, item] of Object.entries(value)) setOwn(out, key, toQueryValue(item))
  return out
}

/**
 * A deep copy of a stored value: plain objects and arrays copied, Dates copied, other class instances
 * (bson's ObjectId, Long, Binary… which are never mutated) shared. structuredClone would drop their
 * prototypes and so their EJSON encoding.
 */
export function cloneValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map(cloneValue) as T
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [key, item] of Object.entries(value)) setOwn(out, key, cloneValue(item))
  return out as T
}

export { isPlainObject }
