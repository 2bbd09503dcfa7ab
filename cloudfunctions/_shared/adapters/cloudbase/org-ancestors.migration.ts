/**
 * One-off, after deploying the orgs adapter that keeps `ancestors` (orgs.cloudbase.ts): writes the
 * field into the org documents put before it, so their paths take two reads instead of a walk of
 * five. Run by `npx tsx scripts/org-ancestors.ts`. Until then (and for any document it misses) the
 * path is walked by parentId as before: the field is only a hint of what to fetch, never trusted
 * (orgs.cloudbase.ts), so a stale one — an org moved while this ran — costs reads, not a wrong path.
 * That is also why plain updates suffice here, with no transaction. A rerun writes only what differs.
 */
import { COLLECTION, type CloudbaseDb, type Doc } from './cloudbase-db'
import { pagesOf } from './pager'

/** The ids above `id`, its parent's first, by parentId over the whole tree; a parent loop stops it. */
function ancestorsIn(parents: Map<string, string | null>, id: string): string[] {
  const found: string[] = []
  const seen = new Set([id])
  for (let at = parents.get(id) ?? null; at !== null && !seen.has(at) && parents.has(at); at = parents.get(at) ?? null) {
    seen.add(at)
    found.push(at)
  }
  return found
}

const same = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && a.every((id, i) => id === b[i])

/** Answers how many documents it wrote. */
export async function backfillOrgAncestors(db: CloudbaseDb, options: { collectionPrefix?: string } = {}): Promise<number> {
  const collection = `${options.collectionPrefix ?? ''}${COLLECTION.orgs}`
  // The tree is small (≈10^5 nodes for a province, orgs.all): read whole, then write what differs.
  const docs: Doc[] = []
  for await (const doc of pagesOf(db.command, { from: db.collection(collection) })) docs.push(doc)
  const parents = new Map(docs.map((doc) => [String(doc._id), (doc.parentId as string | null) ?? null]))
  let written = 0
  for (const doc of docs) {
    const ancestors = ancestorsIn(parents, String(doc._id))
    if (same(doc.ancestors, ancestors)) continue
    await db.collection(collection).doc(String(doc._id)).update({ ancestors })
    written++
  }
  return written
}
