/**
 * The slice of @cloudbase/node-sdk's database API the adapter uses, typed here (the SDK's own types
 * are loose), and the reads by `_id` every repository shares (reads of many documents: pager.ts).
 *
 * This is node-sdk's calling convention: documents are passed directly (`set(doc)`). wx-server-sdk's
 * database wraps them (`set({ data: doc })`) and must not be passed in.
 */
export type Doc = Record<string, unknown>

/** Every collection the adapter reads or writes, by what it holds; each must exist before the first call (indexes.json). */
export const COLLECTION = {
  orgs: 'orgs',
  users: 'users',
  memberships: 'memberships',
  meta: 'meta',
  cases: 'cases',
  caseEvents: 'case_events',
  caseRequests: 'case_requests',
  messages: 'messages',
  messageKeys: 'message_keys',
  contacts: 'contacts',
  credits: 'credits',
  counters: 'counters',
  deliberations: 'deliberations',
  ballots: 'ballots',
  comments: 'deliberation_comments',
  councilGroups: 'council_groups',
  invitations: 'invitations',
  audit: 'audit',
  mediaChecks: 'media_checks',
  writeCounts: 'write_counts',
  hotspots: 'hotspots',
  answers: 'answers',
  announcements: 'announcements',
  feedMarks: 'feed_marks',
  surveys: 'surveys',
  surveyAnswers: 'survey_answers',
  surveyCounters: 'survey_counters',
  supporters: 'case_supporters',
} as const

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
  /** An update operator ($max): the larger of the field and `value`. */
  max(value: number | string): unknown
  /**
   * An update operator ($addToSet): adds each value the array lacks, at its end. node-sdk passes the
   * argument on as it is, so several values go as `{ $each: [...] }` (CloudBase's Command.addToSet).
   */
  addToSet(values: { $each: unknown[] }): unknown
  /** An update operator ($push; node-sdk writes `each`, `position`, `slice` as $each…): inserts at `position`, keeps `slice`. */
  push(values: { each: unknown[]; position?: number; slice?: number }): unknown
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

export interface CloudbaseDb extends CloudbaseTransaction {
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

/** Replaces one document by id (creates it when missing). */
export async function setDoc(collection: CloudbaseCollection, id: string, fields: Doc): Promise<void> {
  await collection.doc(id).set(fields)
}

/** One document by id as `read` makes it, or null. */
export async function readDoc<R>(collection: CloudbaseCollection, id: string, read: (doc: Doc) => R): Promise<R | null> {
  const doc = await getDoc(collection, id)
  return doc ? read(doc) : null
}

/** A record whose `key` is its document's `_id`: the document's fields with the key put back. */
export const withKey = <R>(key: keyof R & string) => ({ _id, ...fields }: Doc): R => ({ ...fields, [key]: String(_id) }) as R
