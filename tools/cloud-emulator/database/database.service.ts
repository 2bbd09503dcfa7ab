/**
 * The `database.*` actions, as @cloudbase/database (inside node-sdk) sends them and reads their
 * answers: node_modules/@cloudbase/database/dist/commonjs/{collection,document,query}.js and
 * transaction/index.js. Every answer is the `data` shape those files read (`data.list` of EJSON
 * strings, `data.updated`, `data.upsert_id`, `data.insertedIds`, `data.deleted`, `data.total`,
 * `transactionId`); the HTTP front adds the requestId.
 *
 * CloudBase's rules that the adapter must live with are enforced here: collections must exist; a
 * transaction takes doc() operations only; a read answers 100 rows unless told otherwise and never
 * more than 1000; every query must be covered by a provisioned index (stricter than CloudBase).
 */
import { randomBytes } from 'node:crypto'
import { CloudError, CODES } from '../cloud-error'
import type { TcbRequest, TcbResponse, TcbService } from '../service.types'
import { decodeEjsonObject, encodeDoc, resolveServerDates, toQueryValue, type Doc } from './ejson.codec'
import { checkIndexed, validateIndex, type IndexManifest, type IndexSpec } from './index-manifest'
import { applyUpdate, DEFAULT_LIMIT, MAX_LIMIT, project, runQuery, type QueryShape } from './query.engine'
import { SqlitePersistence, type DocumentChange } from './sqlite.persistence'
import { TransactionalDocuments } from './transactions'
import { docId, docKey, keyOf, orderOf, replacement, requireString } from './wire.params'

type Params = Record<string, unknown>

export interface DatabaseServiceOptions {
  /** The SQLite file. */
  file: string
  envId: string
  now: () => number
}

const TRANSACTION_ONLY_DOC =
  'a transaction takes doc() operations only (doc().get/set/update/remove, add), not where() queries'

export class DatabaseService implements TcbService {
  private readonly persistence: SqlitePersistence
  private readonly documents: TransactionalDocuments
  private indexList: IndexSpec[]

  constructor(private readonly options: DatabaseServiceOptions) {
    this.persistence = new SqlitePersistence(options.file, options.envId)
    const state = this.persistence.load()
    this.indexList = state.indexes
    this.documents = new TransactionalDocuments(this.persistence, options.now, state.collections, state.documents)
  }

  async handle(req: TcbRequest): Promise<TcbResponse> {
    return { kind: 'json', body: this.answer(req.action, req.params) }
  }

  /** One action, answered synchronously: no other request interleaves with it. */
  answer(action: string, params: Params): Params {
    const txId = typeof params.transactionId === 'string' ? params.transactionId : undefined
    try {
      return this.dispatch(action, params, txId)
    } catch (error) {
      // A failed operation ends its transaction, as in MongoDB; the SDK then rolls back (a no-op).
      if (txId && action !== 'database.abortTransaction') this.documents.abort(txId)
      throw error
    }
  }

  private dispatch(action: string, params: Params, txId: string | undefined): Params {
    switch (action) {
      case 'database.startTransaction':
        return { transactionId: this.documents.begin() }
      case 'database.commitTransaction':
        this.documents.commit(requireString(params.transactionId, 'transactionId'))
        return {}
      case 'database.abortTransaction':
        this.documents.abort(requireString(params.transactionId, 'transactionId'))
        return {}
      case 'database.getDocument':
        return this.getDocument(params, txId)
      case 'database.modifyDocument':
        return this.modifyDocument(params, txId)
      case 'database.insertDocument':
        return this.insertDocument(params, txId)
      case 'database.removeDocument':
        return this.removeDocument(params, txId)
      case 'database.calculateDocument':
        return this.calculateDocument(params, txId)
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(params, txId)
      case 'database.addCollection':
        this.createCollection(requireString(params.collectionName, 'collectionName'), true)
        return {}
      default:
        throw new CloudError(CODES.INVALID_ACTION, `the emulator does not implement ${action}`)
    }
  }

  // — actions —

  private getDocument(params: Params, txId: string | undefined): Params {
    const collection = this.collection(params)
    const projection = params.projection === undefined ? undefined : decodeEjsonObject(params.projection, 'projection')
    if (params.queryType === 'DOC') {
      const doc = this.documents.get(collection, docKey(params), txId)
      return { data: { list: doc ? [encodeDoc(project(doc, projection))] : [] } }
    }
    if (txId) throw new CloudError(CODES.DATABASE_REQUEST_FAILED, TRANSACTION_ONLY_DOC)
    const shape = this.shape(collection, params, true)
    return { data: { list: runQuery(this.documents.scan(collection), { ...shape, projection }).map(encodeDoc) } }
  }

  private modifyDocument(params: Params, txId: string | undefined): Params {
    const collection = this.collection(params)
    const data = resolveServerDates(decodeEjsonObject(params.data, 'data'), this.options.now()) as Doc
    const next = (current: Doc | null, id: unknown): Doc =>
      params.merge === false ? replacement(data, id) : applyUpdate(current ?? { _id: id }, data)
    if (params.queryType === 'DOC') {
      const id = docId(params)
      const key = keyOf(id)
      const current = this.documents.get(collection, key, txId)
      if (!current && params.upsert !== true) return { data: { updated: 0 } }
      this.documents.write([{ collection, key, doc: next(current, id) }], txId)
      // As document.js reads it: `updated` counts the document that existed, `upsert_id` names a new one.
      return { data: current ? { updated: 1 } : { updated: 0, upsert_id: id } }
    }
    if (txId) throw new CloudError(CODES.DATABASE_REQUEST_FAILED, TRANSACTION_ONLY_DOC)
    const matches = this.matches(collection, params)
    const changes: DocumentChange[] = matches.map((doc) => ({ collection, key: keyOf(doc._id), doc: next(doc, doc._id) }))
    this.documents.write(changes)
    return { data: { updated: changes.length } }
  }

  private insertDocument(params: Params, txId: string | undefined): Params {
    const collection = this.collection(params)
    if (!Array.isArray(params.data) || params.data.length === 0) {
      throw new CloudError(CODES.INVALID_PARAM, 'data must be a non-empty list of EJSON documents')
    }
    const now = this.options.now()
    const seen = new Set<string>()
    const changes: DocumentChange[] = []
    const insertedIds: unknown[] = []
    for (const text of params.data) {
      const doc = resolveServerDates(decodeEjsonObject(text, 'data[]'), now) as Doc
      const id = doc._id === undefined ? randomBytes(16).toString('hex') : doc._id
      const key = keyOf(id)
      if (seen.has(key) || this.documents.get(collection, key, txId)) {
        throw new CloudError(CODES.DATABASE_DUPLICATE_WRITE, `duplicate key: ${collection} already has _id ${key}`)
      }
      seen.add(key)
      changes.push({ collection, key, doc: { _id: id, ...doc } })
      insertedIds.push(id)
    }
    this.documents.write(changes, txId)
    return { data: { insertedIds } }
  }

  private removeDocument(params: Params, txId: string | undefined): Params {
    const collection = this.collection(params)
    if (params.queryType === 'DOC') {
      const key = docKey(params)
      if (!this.documents.get(collection, key, txId)) return { data: { deleted: 0 } }
      this.documents.write([{ collection, key, doc: null }], txId)
      return { data: { deleted: 1 } }
    }
    if (txId) throw new CloudError(CODES.DATABASE_REQUEST_FAILED, TRANSACTION_ONLY_DOC)
    const changes = this.matches(collection, params).map((doc) => ({ collection, key: keyOf(doc._id), doc: null }))
    this.documents.write(changes)
    return { data: { deleted: changes.length } }
  }

  private calculateDocument(params: Params, txId: string | undefined): Params {
    const collection = this.collection(params)
    if (txId) throw new CloudError(CODES.DATABASE_REQUEST_FAILED, TRANSACTION_ONLY_DOC)
    const { filter } = this.shape(collection, params, false)
    // count() is not capped: it counts every match.
    return { data: { total: runQuery(this.documents.scan(collection), { filter }).length } }
  }

  private modifyAndReturnDoc(params: Params, txId: string | undefined): Params {
    const collection = this.collection(params)
    if (txId) throw new CloudError(CODES.DATABASE_REQUEST_FAILED, TRANSACTION_ONLY_DOC)
    const data = resolveServerDates(decodeEjsonObject(params.data, 'data'), this.options.now()) as Doc
    const [match] = this.matches(collection, { ...params, multi: false })
    if (!match) return { data: { updated: 0, doc: null } }
    const doc = applyUpdate(match, data)
    this.documents.write([{ collection, key: keyOf(match._id), doc }])
    return { data: { updated: 1, doc: encodeDoc(doc) } }
  }

  // — helpers —

  private collection(params: Params): string {
    const name = requireString(params.collectionName, 'collectionName')
    if (!this.documents.hasCollection(name)) {
      throw new CloudError(CODES.DATABASE_COLLECTION_NOT_EXIST, `collection ${name} does not exist`)
    }
    return name
  }

  /** Filter, order and paging of a where() call, checked against the index manifest. */
  private shape(collection: string, params: Params, paged: boolean): QueryShape {
    const raw = params.query === undefined ? {} : decodeEjsonObject(params.query, 'query')
    const filter = toQueryValue(resolveServerDates(raw, this.options.now())) as Doc
    const order = params.order === undefined ? undefined : orderOf(decodeEjsonObject(params.order, 'order'))
    checkIndexed(this.indexList, collection, filter, order)
    if (!paged) return { filter, order }
    const offset = params.offset === undefined ? 0 : Number(params.offset)
    if (!Number.isInteger(offset) || offset < 0) throw new CloudError(CODES.INVALID_PARAM, 'offset must be a non-negative integer')
    const asked = Number(params.limit)
    const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT
    return { filter, order, offset, limit }
  }

  /** The documents a where().update()/remove() touches: every match, or the first with multi: false. */
  private matches(collection: string, params: Params): Doc[] {
    const { filter } = this.shape(collection, params, false)
    const all = runQuery(this.documents.scan(collection), { filter })
    return params.multi === false ? all.slice(0, 1) : all
  }

  // — admin (database.admin.ts) —

  createCollection(name: string, failIfExists = false): void {
    if (!name || /[\u0000/$]/.test(name)) throw new CloudError(CODES.INVALID_PARAM, `invalid collection name ${JSON.stringify(name)}`)
    if (this.documents.hasCollection(name)) {
      if (failIfExists) throw new CloudError(CODES.DATABASE_COLLECTION_ALREADY_EXIST, `collection ${name} already exists`)
      return
    }
    this.persistence.addCollection(name)
    this.documents.addCollection(name)
  }

  createIndexes(manifest: IndexManifest): void {
    const indexes = (manifest.indexes ?? []).map(validateIndex)
    for (const index of indexes) {
      if (!this.documents.hasCollection(index.collection)) {
        throw new CloudError(CODES.DATABASE_COLLECTION_NOT_EXIST, `index ${index.name}: collection ${index.collection} does not exist`)
      }
    }
    for (const index of indexes) {
      this.persistence.putIndex(index)
      this.indexList = [...this.indexList.filter((i) => !(i.collection === index.collection && i.name === index.name)), index]
    }
  }

  indexes(): IndexSpec[] {
    return this.indexList.map((index) => ({ ...index, fields: index.fields.map((f) => ({ ...f })) }))
  }

  collectionNames(): string[] {
    return this.documents.collectionNames()
  }

  committed(collection: string): Doc[] {
    if (!this.documents.hasCollection(collection)) {
      throw new CloudError(CODES.DATABASE_COLLECTION_NOT_EXIST, `collection ${collection} does not exist`)
    }
    return this.documents.scan(collection)
  }

  putDocument(collection: string, doc: Doc): void {
    if (!this.documents.hasCollection(collection)) {
      throw new CloudError(CODES.DATABASE_COLLECTION_NOT_EXIST, `collection ${collection} does not exist`)
    }
    const key = keyOf(doc._id)
    this.documents.write([{ collection, key, doc }])
  }

  openTransactions(): number {
    return this.documents.openTransactions()
  }

  clear(): void {
    this.persistence.clear()
    this.documents.clear()
    this.indexList = []
  }

  close(): void {
    this.persistence.close()
  }
}
