/**
 * Group commit (issue 19): transactions that queue up behind the store's lock while another one holds
 * it join one SQLite transaction, each in a savepoint of its own, and share its COMMIT. Under load the
 * pages every submit touches (the county's, city's and province's counters, the tails of the message
 * and timeline tables) are then written to the WAL once per group instead of once per transaction.
 *
 * What each caller is promised stays as it was:
 * - all of her transaction or none of it: a member that throws is rolled back to its savepoint, and
 *   only its own writes are undone;
 * - no answer before it is on disk: every member, the failed ones too, is answered after the group's
 *   COMMIT (a failed member with its own error), so a crash loses only transactions nobody was told of;
 * - if the COMMIT fails, every member fails. A member that succeeded may have read a member before it
 *   (same connection, strictly one after the other); if the COMMIT then fails, both fail, so neither
 *   caller acts on what never committed — they retry or report, as after any failed COMMIT.
 * A transaction that finds nobody ahead of it runs and commits alone, as it did before grouping. A group
 * is bounded (`maxTransactions`, and no new member is started after `maxMs` of the group's work), so the
 * first member's answer waits a few milliseconds at most for the others and calls queued behind the
 * lock still get their turn.
 */
import { AsyncResource } from 'node:async_hooks'
import type Database from 'better-sqlite3'
import type { SqliteLock } from './sqlite-lock'

export interface GroupCommitOptions {
  /** At most this many transactions share one COMMIT. */
  maxTransactions: number
  /** No further member is started once the group has worked this long (ms). */
  maxMs: number
}

export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { maxTransactions: 64, maxMs: 10 }

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

interface Member {
  run: () => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  outcome?: Outcome
}

/** The lone member's savepoint name is fixed: members run one after another and each is released. */
const SAVEPOINT = 'grouped_member'

/** `transaction(fn)` on `db`, grouping the callers that wait for `lock` (see above). */
export function groupCommit(
  db: Database.Database,
  lock: Pick<SqliteLock, 'run'>,
  options: GroupCommitOptions = GROUP_COMMIT_DEFAULTS,
): <T>(fn: () => Promise<T>) => Promise<T> {
  const queue: Member[] = []
  // A runner is waiting for the lock or holding it: a new transaction joins the queue it will drain.
  let scheduled = false

  const schedule = () => {
    scheduled = true
    void lock.run(runGroup)
  }

  const answer = (group: Member[]) => {
    for (const member of group) {
      const outcome = member.outcome ?? { ok: false, error: new Error('the transaction did not run') }
      if (outcome.ok) member.resolve(outcome.value)
      else member.reject(outcome.error)
    }
  }

  /** One BEGIN … COMMIT for the members queued now (and those that queue while it runs), bounded. */
  async function runGroup(): Promise<void> {
    const group: Member[] = []
    try {
      const started = performance.now()
      db.exec('BEGIN IMMEDIATE')
      try {
        while (
          queue.length > 0 &&
          group.length < options.maxTransactions &&
          (group.length === 0 || performance.now() - started < options.maxMs)
        ) {
          const member = queue.shift() as Member
          group.push(member)
          db.exec(`SAVEPOINT ${SAVEPOINT}`)
          try {
            member.outcome = { ok: true, value: await member.run() }
            db.exec(`RELEASE ${SAVEPOINT}`)
          } catch (error) {
            member.outcome = { ok: false, error }
            if (db.inTransaction) db.exec(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`)
          }
          // SQLite ended the transaction itself (an error that undoes it all): the members before this
          // one are gone with it, and the rest of the queue starts a new group.
          if (!db.inTransaction) {
            const lost = new Error('the transaction was rolled back with its group')
            for (const done of group) if (done.outcome?.ok) done.outcome = { ok: false, error: lost }
            return
          }
        }
        db.exec('COMMIT')
      } catch (error) {
        // The COMMIT (or a savepoint statement) failed: nothing of the group is on disk.
        if (db.inTransaction) db.exec('ROLLBACK')
        for (const member of group) if (member.outcome?.ok !== false) member.outcome = { ok: false, error }
      }
    } catch (error) {
      // BEGIN failed (the file is locked by another process past busy_timeout, or the ROLLBACK did):
      // the group's members, or the next in line if none had started, fail with it.
      const next = queue.shift()
      if (group.length === 0 && next) group.push(next)
      else if (next) queue.unshift(next)
      for (const member of group) if (member.outcome?.ok !== false) member.outcome = { ok: false, error }
    } finally {
      answer(group)
      scheduled = false
      if (queue.length > 0) schedule()
    }
  }

  return <T>(fn: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // Each member runs in its own caller's async context, not in the runner's.
      queue.push({ run: AsyncResource.bind(fn), resolve: resolve as (value: unknown) => void, reject })
      if (!scheduled) schedule()
    })
}
