/**
 * TEST-ONLY, AND IT SWAPS AN INTERNAL API. @cloudbase/database (the query builder inside
 * @cloudbase/node-sdk) sends every database call through `new Db.reqClass(config).send(action,
 * params)`; node-sdk's `app.database()` sets `Db.reqClass` to its signed HTTPS requester. Here that
 * static is replaced, before any database is made, by a class that answers in process: it decodes the
 * SDK's EJSON wire format, evaluates the MongoDB-style operators with mingo, keeps the documents in a
 * MemoryDatabase and answers in the shapes the SDK reads back. The requester, credential lookup,
 * signing and network code never run (without credentials they crash Node 20 from an unawaited
 * promise), so the suite needs neither credentials nor network. Never use this outside tests.
 */
import { Db } from '@cloudbase/database'
import { EJSON } from 'bson'
import { find, update } from 'mingo'
import manifest from '../../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import type { CloudbaseDb } from '../../../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'
import { checkIndexed, type IndexSpec } from './index-check'
import { DatabaseError, MemoryDatabase, type Doc } from './memory-database'

type Params = Record<string, unknown>

/** Each offline database answers for its own env name: one Db.reqClass serves them all. */
const databases = new Map<string, MemoryDatabase>()
let requests = 0

const parse = (text: unknown) => (typeof text === 'string' ? (EJSON.parse(text) as Record<string, unknown>) : {})
// The server's encoding, so the SDK's own EJSON.parse reads back exactly what it wrote.
const encode = (doc: Doc) => EJSON.stringify(doc, { relaxed: false })
const docId = (params: Params) => String(parse(params.query)._id)
const clone = <T>(value: T): T => structuredClone(value)

function query(memory: MemoryDatabase, params: Params): Doc[] {
  const collection = String(params.collectionName)
  if (params.transactionId) {
    throw new DatabaseError('DATABASE_REQUEST_FAILED', 'a transaction takes doc() operations only, not where()')
  }
  const filter = parse(params.query)
  const order = params.order ? parse(params.order) : undefined
  checkIndexed(manifest.indexes as IndexSpec[], collection, filter, order)
  let cursor = find(memory.scan(collection), filter, params.projection ? parse(params.projection) : undefined)
  if (order) cursor = cursor.sort(order as Record<string, 1 | -1>)
  // The server's caps, whatever the client asked: 100 by default, never more than 1000.
  const limit = Math.min(Number(params.limit ?? 100) || 100, 1000)
  return cursor.skip(Number(params.offset ?? 0)).limit(limit).all() as Doc[]
}

function getDocument(memory: MemoryDatabase, params: Params) {
  if (params.queryType === 'DOC') {
    const doc = memory.get(String(params.collectionName), docId(params), params.transactionId as string | undefined)
    return { data: { list: doc ? [encode(doc)] : [] } }
  }
  return { data: { list: query(memory, params).map(encode) } }
}

function modifyDocument(memory: MemoryDatabase, params: Params) {
  if (params.queryType !== 'DOC') throw new Error('the offline transport does not fake where().update()')
  const collection = String(params.collectionName)
  const txId = params.transactionId as string | undefined
  const id = docId(params)
  const current = memory.get(collection, id, txId)
  const data = parse(params.data)
  if (!current && !params.upsert) return { data: { updated: 0 } }
  let next: Doc
  if (params.merge) {
    // update(): the SDK sent operators ($set, $unset, …); mingo applies them as MongoDB would.
    next = clone(current ?? { _id: id })
    update(next, data)
  } else {
    // set(): the whole document is replaced.
    next = { ...clone(data), _id: id }
  }
  memory.put(collection, id, next, txId)
  return { data: current ? { updated: 1 } : { updated: 0, upsert_id: id } }
}

function insertDocument(memory: MemoryDatabase, params: Params) {
  const collection = String(params.collectionName)
  const txId = params.transactionId as string | undefined
  const insertedIds = (params.data as string[]).map((text) => {
    const doc = parse(text) as Doc
    const id = doc._id === undefined ? `auto-${++requests}` : String(doc._id)
    if (memory.get(collection, id, txId)) throw new DatabaseError('DATABASE_DUPLICATE_KEY', `${collection}/${id} exists`)
    memory.put(collection, id, { ...doc, _id: id }, txId)
    return id
  })
  return { data: { insertedIds } }
}

function removeDocument(memory: MemoryDatabase, params: Params) {
  const collection = String(params.collectionName)
  const txId = params.transactionId as string | undefined
  const ids = params.queryType === 'DOC' ? [docId(params)] : query(memory, { ...params, limit: 1000 }).map((d) => d._id)
  let deleted = 0
  for (const id of ids) {
    if (!memory.get(collection, id, txId)) continue
    memory.put(collection, id, null, txId)
    deleted++
  }
  return { data: { deleted } }
}

function answer(memory: MemoryDatabase, action: string, params: Params): Params {
  switch (action) {
    case 'database.startTransaction':
      return { transactionId: memory.begin() }
    case 'database.commitTransaction':
      memory.commit(String(params.transactionId))
      return {}
    case 'database.abortTransaction':
      memory.abort(String(params.transactionId))
      return {}
    case 'database.getDocument':
      return getDocument(memory, params)
    case 'database.modifyDocument':
      return modifyDocument(memory, params)
    case 'database.insertDocument':
      return insertDocument(memory, params)
    case 'database.removeDocument':
      return removeDocument(memory, params)
    case 'database.calculateDocument':
      return { data: { total: query(memory, { ...params, limit: 1000 }).length } }
    default:
      throw new Error(`the offline transport does not fake ${action}`)
  }
}

/** Stands where node-sdk's TcbDBApiHttpRequester stands: constructed per call with the Db's config. */
class OfflineRequester {
  constructor(private readonly config: { envName?: unknown }) {}

  async send(action: string, params: Params = {}): Promise<Params> {
    // One macrotask per call, like a network round trip: concurrent callers interleave between calls.
    await new Promise((resolve) => setImmediate(resolve))
    const memory = databases.get(String(this.config.envName))
    if (!memory) throw new Error(`no offline database for env ${String(this.config.envName)}`)
    // Errors are thrown with a `code`, as node-sdk's requester throws the server's error answers
    // (runTransaction retries on code DATABASE_TRANSACTION_CONFLICT).
    return { requestId: `offline-${++requests}`, ...answer(memory, action, params) }
  }
}

let installed = false

/**
 * Makes `Db.reqClass` the offline requester for good: node-sdk's database() assigns its HTTP requester
 * on every call, and that assignment is ignored from here on.
 */
function install() {
  if (installed) return
  Object.defineProperty(Db, 'reqClass', { configurable: true, get: () => OfflineRequester, set: () => {} })
  installed = true
}

let count = 0

/** A fresh, empty database, made by node-sdk's own database() code, that never leaves the process. */
export function offlineDatabase(): { db: CloudbaseDb; memory: MemoryDatabase } {
  install()
  const envName = `offline-${++count}`
  const memory = new MemoryDatabase(manifest.collections)
  databases.set(envName, memory)
  // node-sdk's app.database() is exactly newDb(app): called with a stand-in app holding only the config,
  // because init() would also probe the cloud metadata service over the network.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { newDb } = require('@cloudbase/node-sdk/dist/database') as {
    newDb(app: { config: Record<string, unknown> }): unknown
  }
  const db = newDb({ config: { env: envName, envName, timeout: 15000 } })
  return { db: db as CloudbaseDb, memory }
}
