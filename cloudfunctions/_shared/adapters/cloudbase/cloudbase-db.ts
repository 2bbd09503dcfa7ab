/**
 * The slice of @cloudbase/node-sdk's database API the adapter uses, typed here (the SDK's own types
 * are loose), and the read by `_id` every repository shares (reads of many documents: pager.ts).
 *
 * This is node-sdk's calling convention: documents are passed directly (`set(doc)`). wx-server-sdk's
 * database wraps them (`set({ data: doc })`) and must not be passed in.
 */
export type Doc = Record<string, unknown>

export interface CloudbaseCommand {
  in(values: unknown[]): unknown
  lte(value: unknown): unknown
  lt(value: unknown): unknown
  gt(value: unknown): unknown
  gte(value: unknown): unknown
  and(conditions: Doc[]): Doc
  or(conditions: Doc[]): Doc
  /** An update operator ($unset): drops the field. */
  remove(): unknown
  /** An update operator ($inc): adds to the field, atomically. */
  inc(value: number): unknown
}

export interface CloudbaseQuery {
  where(filter: Doc): CloudbaseQuery
  orderBy(field: string, direction: 'asc' | 'desc'): CloudbaseQuery
  limit(n: number): CloudbaseQuery
  field(projection: Record<string, boolean>): CloudbaseQuery
  get(): Promise<{ data: Doc[] }>
  remove(): Promise<{ deleted?: number }>
  /** Changes the named fields of every match (outside transactions only); `updated` counts the matches. */
  update(fields: Doc): Promise<{ updated?: number }>
}

export interface CloudbaseDocument {
  /** An array outside a transaction, one document (or null) inside one. */
  get(): Promise<{ data: Doc[] | Doc | null }>
  /** Replaces the whole document (creates it when missing). */
  set(doc: Doc): Promise<unknown>
  /** Changes the named fields of an existing document; nested objects are merged, not replaced. */
  update(fields: Doc): Promise<unknown>
  remove(): Promise<unknown>
}

export interface CloudbaseCollection extends CloudbaseQuery {
  doc(id: string): CloudbaseDocument
  /** Inserts a document; one whose `_id` exists fails with DATABASE_DUPLICATE_WRITE. */
  add(doc: Doc): Promise<{ id?: string }>
}

export interface CloudbaseTransaction {
  collection(name: string): CloudbaseCollection
}

export interface CloudbaseDb {
  collection(name: string): CloudbaseCollection
  runTransaction<T>(fn: (tx: CloudbaseTransaction) => Promise<T>): Promise<T>
  command: CloudbaseCommand
}

/** Some SDK paths reject for a missing document ("document with _id … does not exist") instead of answering empty. */
function isMissingDocument(error: unknown): boolean {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown
    message?: unknown
  }
  if (/COLLECTION/i.test(String(code ?? ''))) return false
  return /document.*(not\s*exist|不存在)/i.test(String(message ?? error))
}

/**
 * One document by id, or null. node-sdk answers an empty list for a missing document; only a
 * "document does not exist" rejection also means null. Any other failure (a transaction conflict above
 * all, or a missing collection) reaches the caller: a write must never follow a read it did not make.
 */
export async function getDoc(collection: CloudbaseCollection, id: string): Promise<Doc | null> {
  try {
    const { data } = await collection.doc(id).get()
    if (Array.isArray(data)) return data[0] ?? null
    return data ?? null
  } catch (error) {
    if (isMissingDocument(error)) return null
    throw error
  }
}
