/**
 * One-off, after deploying the deliberations adapter that keeps `dueAt` (deliberations.cloudbase.ts):
 * writes it into the open deliberations put before, which kept `closesAt` and `remindDueAt` for two
 * queries the due job no longer makes. Until it has run, the timer neither reminds nor closes those;
 * SQLite does the same in its migration 21. A closed one needs nothing: without `dueAt` it is never
 * due, as it should be. Run by `npx tsx scripts/deliberation-due.ts`.
 *
 * Why a backfill and not a query that also covers the old fields: that would be the second query a
 * run this change removes, kept forever for documents that exist only where a release before it ran
 * (no environment ran one of those releases in production, docs/deploy.md). `npm run deploy` runs it
 * after updating the functions (scripts/deploy.ts), and `npm run start:cloud` at every start
 * (tools/cloud-host/seed.entry.ts).
 *
 * Repeatable: each document is re-read in a transaction and written only while it still has no
 * `dueAt`, so one the new functions rewrote meanwhile (with its own) is left as it is, and a rerun
 * writes nothing. Run after the functions are updated: an instance of the old bundle still serving
 * writes a whole deliberation back without it (scope.cloudbase.ts sets documents whole) — a rerun
 * then finds it.
 */
import type { DeliberationState } from '../../domain/deliberation.state'
import { nextDeliberationDue } from '../../domain/deliberation.timers'
import { COLLECTION, getDoc, type CloudbaseDb } from './cloudbase-db'
import { pagesOf } from './pager'
import { runTransaction } from './scope.cloudbase'

/** Answers how many documents it wrote. */
export async function backfillDeliberationDue(db: CloudbaseDb, options: { collectionPrefix?: string } = {}): Promise<number> {
  const collection = `${options.collectionPrefix ?? ''}${COLLECTION.deliberations}`
  // Open ones only (a one-off scan: no index leads with status); ids first, each rewritten in its own transaction.
  const ids: string[] = []
  for await (const doc of pagesOf(db.command, { from: db.collection(collection), where: [{ status: 'open' }], fields: { dueAt: true } })) {
    if (doc.dueAt === undefined) ids.push(String(doc._id))
  }
  let written = 0
  for (const id of ids) {
    const wrote = await runTransaction(db, async (tx) => {
      const doc = await getDoc(tx.collection(collection), id)
      if (!doc || doc.dueAt !== undefined) return false
      await tx.collection(collection).doc(id).update({ dueAt: nextDeliberationDue(doc.state as DeliberationState) })
      return true
    })
    if (wrote) written++
  }
  return written
}
