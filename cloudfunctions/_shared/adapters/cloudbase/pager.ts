/**
 * The one way the CloudBase adapter reads a query's documents page by page.
 *
 * `get()` answers 100 documents unless told otherwise and never more than 1000, so every read of more
 * goes in pages. A page after the first starts after the previous page's last document, by cursor on
 * the query's own order (its sort field, then `_id`), never by skip: each page is then a range of the
 * query's index however deep it starts, and a document written between two pages shifts nothing.
 * The cursor filters only on the fields the query sorts on, so every page needs exactly the index
 * the first one does (indexes.json); the first page is the query as written.
 */
import type { CloudbaseCommand, CloudbaseQuery, Doc } from './cloudbase-db'

/** The most one `get()` answers. */
export const PAGE = 1000

/** Where a read resumes: after the document with this sort value and `_id`. */
export interface PageCursor {
  value: unknown
  id: string
}

export interface PagedQuery {
  /** A collection outside any transaction (Scope.query): a transaction takes no where(). */
  from: CloudbaseQuery
  /** Conditions every page keeps, all of them (one alone is passed as it is, several as `_.and`). */
  where?: Doc[]
  /** The sort field, ahead of `_id` (the tie-break, in the same direction); absent: `_id` alone. */
  orderBy?: string
  direction?: 'asc' | 'desc'
  /** Only these fields (and `_id`) of each document; the sort field must be among them. */
  fields?: Record<string, boolean>
  /** Resume after this position; from the start when absent. */
  after?: PageCursor
  /** At most this many documents; every match when absent. */
  limit?: number
  /** Documents per `get()`, at most PAGE. */
  pageSize?: number
}

/** The query's documents in its order, one page per `get()`, until the limit or the last match. */
export async function* pagesOf(_: CloudbaseCommand, paged: PagedQuery): AsyncGenerator<Doc> {
  const { from, orderBy, direction = 'asc', fields, limit = Infinity } = paged
  const pageSize = Math.min(paged.pageSize ?? PAGE, PAGE)
  const beyond = (value: unknown) => (direction === 'asc' ? _.gt(value) : _.lt(value))
  const past = (cursor: PageCursor): Doc =>
    orderBy
      ? _.or([{ [orderBy]: beyond(cursor.value) }, { [orderBy]: cursor.value, _id: beyond(cursor.id) }])
      : { _id: beyond(cursor.id) }

  let cursor = paged.after
  let taken = 0
  while (taken < limit) {
    const want = Math.min(pageSize, limit - taken)
    const conditions = [...(paged.where ?? []), ...(cursor ? [past(cursor)] : [])]
    let query = conditions.length === 0 ? from : from.where(conditions.length === 1 ? conditions[0]! : _.and(conditions))
    if (orderBy) query = query.orderBy(orderBy, direction)
    query = query.orderBy('_id', direction)
    if (fields) query = query.field(fields)
    const { data } = await query.limit(want).get()
    for (const doc of data) yield doc
    taken += data.length
    if (data.length < want) return
    const last = data[data.length - 1]!
    cursor = { value: orderBy ? last[orderBy] : undefined, id: String(last._id) }
  }
}

/** Every document pagesOf answers, collected. */
export async function readPages(_: CloudbaseCommand, paged: PagedQuery): Promise<Doc[]> {
  const out: Doc[] = []
  for await (const doc of pagesOf(_, paged)) out.push(doc)
  return out
}

/** Every document that matches `filter` (all of them when absent), in `_id` order. */
export const readAll = (_: CloudbaseCommand, from: CloudbaseQuery, filter?: Doc): Promise<Doc[]> =>
  readPages(_, { from, where: filter && [filter] })
