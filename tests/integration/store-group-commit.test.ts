/**
 * Group commit on SQLite (group-commit.ts): transactions waiting for the store's lock share one COMMIT,
 * each still all or nothing, each answered only once that COMMIT is on disk, all failing if it fails.
 * No timing is asserted: the transactions are started together, so all but the first queue up.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import { waitFor } from '../support/wait-for'

let file: string
let store: Store
let exec: jest.SpyInstance
/** Every statement run with db.exec, in order (BEGIN, SAVEPOINT, RELEASE, COMMIT…), and who answered when. */
let log: string[]
const realExec = Database.prototype.exec

beforeEach(() => {
  file = join(mkdtempSync(join(tmpdir(), 'fulian-group-')), 'group.sqlite')
  store = openSqliteStore(file)
  log = []
  exec = jest.spyOn(Database.prototype, 'exec').mockImplementation(function (this: Database.Database, sql: string) {
    log.push(sql)
    return realExec.call(this, sql)
  })
})
afterEach(async () => {
  exec.mockRestore()
  await store.close()
})

const N = 20
const keys = Array.from({ length: N }, (_, i) => `k${i}`)
const commits = () => log.filter((sql) => sql === 'COMMIT').length

test('concurrent transactions all commit, in fewer COMMITs than transactions, and are all visible', async () => {
  const results = await Promise.all(
    keys.map((key) =>
      store.transaction(async (tx) => {
        await tx.meta.set(key, 'v')
        return key
      }),
    ),
  )
  expect(results).toEqual(keys)
  // Started together, they all queue before the first takes the lock: they share COMMITs.
  expect(commits()).toBeLessThan(N)
  expect(commits()).toBeGreaterThanOrEqual(1)
  const other = new Database(file, { readonly: true })
  try {
    for (const key of keys) expect(other.prepare('SELECT value FROM meta WHERE key = ?').get(key)).toEqual({ value: 'v' })
  } finally {
    other.close()
  }
})

test('a failing member loses only its own writes; its caller gets its error, the others succeed', async () => {
  const outcomes = await Promise.allSettled(
    keys.map((key, i) =>
      store
        .transaction(async (tx) => {
          await tx.meta.set(key, 'v')
          if (i === 7) throw new Error('member 7 fails')
          await tx.meta.set(`${key}-second`, 'v')
          return key
        })
        .catch((error: unknown) => {
          log.push('member 7 told')
          throw error
        }),
    ),
  )
  expect(commits()).toBeLessThan(N)
  // Her error too comes after the group's COMMIT (which it is answered with).
  expect(log.indexOf('member 7 told')).toBeGreaterThan(log.indexOf('COMMIT'))
  outcomes.forEach((outcome, i) => {
    if (i === 7) expect(outcome).toEqual({ status: 'rejected', reason: new Error('member 7 fails') })
    else expect(outcome).toEqual({ status: 'fulfilled', value: keys[i] })
  })
  for (const [i, key] of keys.entries()) {
    expect(await store.meta.get(key)).toBe(i === 7 ? null : 'v')
    expect(await store.meta.get(`${key}-second`)).toBe(i === 7 ? null : 'v')
  }
  // Rolled back to its own savepoint, not the group's transaction.
  expect(log).toContain('ROLLBACK TO grouped_member; RELEASE grouped_member')
  expect(log).not.toContain('ROLLBACK')
})

test('no caller is answered before the COMMIT of her transaction: another connection already sees her row', async () => {
  const other = new Database(file, { readonly: true })
  const seen = other.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
  try {
    await Promise.all(
      keys.map((key) =>
        store
          .transaction(async (tx) => {
            await tx.meta.set(key, 'v')
          })
          .then(() => {
            log.push(`answered ${key}`)
            // Synchronously, at the moment her promise settles: committed, not merely written.
            expect(seen.get(key)).toEqual({ value: 'v' })
          }),
      ),
    )
  } finally {
    other.close()
  }
  // Every answer comes after a COMMIT that follows her BEGIN: between her SAVEPOINT and her answer there is a COMMIT.
  const savepoints = log.flatMap((sql, at) => (sql === 'SAVEPOINT grouped_member' ? [at] : []))
  expect(savepoints).toHaveLength(N)
  keys.forEach((key, i) => {
    const answered = log.indexOf(`answered ${key}`)
    const committed = log.indexOf('COMMIT', savepoints[i])
    expect(committed).toBeGreaterThan(savepoints[i] as number)
    expect(committed).toBeLessThan(answered)
  })
})

test('when the COMMIT fails, every member of the group fails and none of its writes stays', async () => {
  let failed = 0
  exec.mockImplementation(function (this: Database.Database, sql: string) {
    log.push(sql)
    if (sql === 'COMMIT' && failed === 0) {
      failed++
      throw new Error('disk I/O error')
    }
    return realExec.call(this, sql)
  })
  // Started together: one group (all queued before its runner takes the lock).
  const outcomes = await Promise.allSettled(keys.map((key) => store.transaction(async (tx) => tx.meta.set(key, 'v'))))
  expect(failed).toBe(1)
  expect(log.filter((sql) => sql === 'SAVEPOINT grouped_member')).toHaveLength(N)
  expect(outcomes).toEqual(keys.map(() => ({ status: 'rejected', reason: new Error('disk I/O error') })))
  for (const key of keys) expect(await store.meta.get(key)).toBeNull()
  // The store goes on: the next transaction commits.
  await store.transaction(async (tx) => tx.meta.set('after', 'v'))
  expect(await store.meta.get('after')).toBe('v')
})

test('a transaction that queues while the group runs joins it', async () => {
  // A generous time bound, so that waiting here for the first to be running does not close its group.
  const patient = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'fulian-patient-')), 'patient.sqlite'), undefined, {
    groupCommit: { maxMs: 60_000 },
  })
  try {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let running = false
    const first = patient.transaction(async (tx) => {
      running = true
      await tx.meta.set('first', 'v')
      await held
    })
    await waitFor(() => running)
    log = []
    const late = patient.transaction(async (tx) => tx.meta.set('late', 'v'))
    release()
    await Promise.all([first, late])
    expect(log).toEqual(['RELEASE grouped_member', 'SAVEPOINT grouped_member', 'RELEASE grouped_member', 'COMMIT'])
    expect([await patient.meta.get('first'), await patient.meta.get('late')]).toEqual(['v', 'v'])
  } finally {
    await patient.close()
  }
})

test('a transaction with nobody waiting runs and commits alone', async () => {
  await store.transaction(async (tx) => tx.meta.set('alone', 'v'))
  expect(log).toEqual(['BEGIN IMMEDIATE', 'SAVEPOINT grouped_member', 'RELEASE grouped_member', 'COMMIT'])
})

test('a member that reads a member before it sees its write (same transaction, one after the other)', async () => {
  const [, read] = await Promise.all([
    store.transaction(async (tx) => tx.meta.set('shared', 'from the first')),
    store.transaction(async (tx) => tx.meta.get('shared')),
  ])
  expect(read).toBe('from the first')
})

test('a store opened with groupCommit: false commits every transaction alone', async () => {
  const alone = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'fulian-alone-')), 'alone.sqlite'), undefined, {
    groupCommit: false,
  })
  try {
    log = []
    await Promise.all(keys.map((key) => alone.transaction(async (tx) => tx.meta.set(key, 'v'))))
    expect(commits()).toBe(N)
  } finally {
    await alone.close()
  }
})

test('a group holds at most maxTransactions', async () => {
  const bounded = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'fulian-bounded-')), 'bounded.sqlite'), undefined, {
    groupCommit: { maxTransactions: 4 },
  })
  try {
    log = []
    await Promise.all(keys.map((key) => bounded.transaction(async (tx) => tx.meta.set(key, 'v'))))
    expect(commits()).toBeGreaterThanOrEqual(Math.ceil(N / 4))
    for (const key of keys) expect(await bounded.meta.get(key)).toBe('v')
  } finally {
    await bounded.close()
  }
})
