/**
 * submit_vs_raw: `intake.submit` through the real handler, in process, on the big dataset (parse,
 * content check, rate limit, the village's chain, decide, one transaction with the case, its timeline,
 * its chain index, its counters, its contact and its messages) against the raw SQLite insert of the
 * same row: the case row the submit stored (the adapter's own column mapping), one INSERT per
 * transaction as the submit has one transaction per case. Side by side in rounds, so a noisy
 * neighbour slows both; the raw rows are deleted afterwards.
 *
 * Under load (issue 19): the submits are made CONCURRENCY at a time, so that the store can group the
 * transactions waiting for its lock into one COMMIT (group-commit.ts). The same load on a store opened
 * with `groupCommit: false` (every transaction commits alone, as before grouping) is
 * submit_vs_raw[ungrouped], and one submit at a time (what submit_vs_raw measured before: nothing to
 * group) submit_vs_raw[one_at_a_time]; the three alternate in every round against the same raw rate.
 */
import Database from 'better-sqlite3'
import type { Deps } from '../cloudfunctions/_shared/context/deps'
import { intakeFunction } from '../cloudfunctions/intake/intake.function'
import { handle } from '../cloudfunctions/_shared/handler/handle'
import type { FunctionDef } from '../cloudfunctions/_shared/handler/define-function'
import { columns } from '../cloudfunctions/_shared/adapters/sqlite/cases.sqlite'
import { identitySeal, openCase } from '../cloudfunctions/_shared/adapters/sealed-identity'
import { DEV_KEY, aesGcmCipher } from '../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import type { CaseState } from '../cloudfunctions/_shared/domain/case.state'
import { CATEGORIES } from '../types/enums'
import type { Dataset } from './dataset'
import { benchDeps, figure, ms, note } from './support'

const intake = intakeFunction as FunctionDef
const ROUNDS = 5
/** Per resident: under the 5-an-hour limit, every submit at the bench's fixed instant. */
const PER_RESIDENT = 4
/** Submits in flight at once in the two concurrent measures. */
const CONCURRENCY = 32
const warmups = (submits: number) => Math.min(100, submits / 10)
type Mode = 'grouped' | 'ungrouped' | 'one_at_a_time'
const MODES: Mode[] = ['grouped', 'ungrouped', 'one_at_a_time']

/** The idle residents the dataset must hold for `submits` (each mode's, and the warm-ups of both stores). */
export const submitResidents = (submits: number) =>
  Math.ceil((2 * warmups(submits) + MODES.length * Math.ceil(submits / ROUNDS) * ROUNDS) / PER_RESIDENT) + 100

/** Runs `one` `count` times with at most `concurrency` of them in flight; their results in the order they ended. */
async function inFlight<T>(count: number, concurrency: number, one: () => Promise<T>): Promise<T[]> {
  const results: T[] = []
  let started = 0
  const worker = async () => {
    while (started < count) {
      started++
      results.push(await one())
    }
  }
  await Promise.all(Array.from({ length: Math.min(count, concurrency) }, worker))
  return results
}

export async function submitFigures(dataset: Dataset, submits: number, firstResident = 0): Promise<string[]> {
  const grouped = benchDeps(dataset.file, dataset.now)
  const ungrouped = benchDeps(dataset.file, dataset.now, { groupCommit: false })
  const raw = new Database(dataset.file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  raw.pragma('busy_timeout = 5000')
  // The store's own settings (store.sqlite.ts), so only the work differs.
  raw.pragma('temp_store = MEMORY')
  raw.pragma('cache_size = -65536')
  raw.pragma('wal_autocheckpoint = 10000')
  const seal = identitySeal(aesGcmCipher(DEV_KEY))
  const insert = raw.prepare(
    `INSERT INTO cases (id, version, status, holder_org_id, reporter_tag, client_request_id, due_at, updated_at, state)
     VALUES (@id, 1, @status, @holderOrgId, @reporterTag, NULL, @dueAt, @updatedAt, @state)`,
  )
  const readState = raw.prepare<[string], { state: string }>('SELECT state FROM cases WHERE id = ?')
  const remove = raw.prepare('DELETE FROM cases WHERE id = ?')

  // COMMITs counted while a mode is timed: how many transactions shared one (a call per statement).
  const realExec = Database.prototype.exec
  let commits = 0
  Database.prototype.exec = function (this: Database.Database, sql: string) {
    if (sql === 'COMMIT') commits++
    return realExec.call(this, sql)
  }

  let n = 0
  const submitOne = async (deps: Deps) => {
    const resident = dataset.idleResident(firstResident + Math.floor(n / PER_RESIDENT))
    const category = CATEGORIES[n % CATEGORIES.length]
    const event = {
      action: 'submit',
      clientRequestId: `bench-submit-${n}-${dataset.now}`,
      kind: 'problem',
      category,
      title: '村里垃圾清运不及时',
      content: '村东头垃圾点一周才清运一次，夏天气味很大，蚊蝇多，希望增加清运次数。',
      villageId: resident.villageId,
      anonymous: n % 5 === 0,
      ...(n % 2 === 1 && n % 5 !== 0 && { phone: '13812345678' }),
    }
    n++
    const reply = await handle(intake, event, { kind: 'user', openid: resident.openid }, deps)
    if (!reply.ok) throw new Error(`intake.submit: ${reply.error.code} ${reply.error.message}`)
    return (reply.data as { caseId: string }).caseId
  }

  try {
    // Warm: JIT, statements, each store's page cache.
    for (const deps of [grouped, ungrouped]) for (let i = 0; i < warmups(submits); i++) await submitOne(deps)
    const spent: Record<Mode, number> = { grouped: 0, ungrouped: 0, one_at_a_time: 0 }
    const committed: Record<Mode, number> = { grouped: 0, ungrouped: 0, one_at_a_time: 0 }
    let rawMs = 0
    const perRound = Math.ceil(submits / ROUNDS)
    for (let round = 0; round < ROUNDS; round++) {
      let ids: string[] = []
      // Each round in another order, so that none of them always follows the raw inserts or a checkpoint.
      for (const mode of [...MODES.slice(round % MODES.length), ...MODES.slice(0, round % MODES.length)]) {
        commits = 0
        const started = process.hrtime.bigint()
        const made =
          mode === 'one_at_a_time'
            ? await inFlight(perRound, 1, () => submitOne(grouped))
            : await inFlight(perRound, CONCURRENCY, () => submitOne(mode === 'grouped' ? grouped : ungrouped))
        spent[mode] += ms(started)
        committed[mode] += commits
        if (mode === 'grouped') ids = made
      }

      const rows = ids.map((id) => {
        const state = openCase(seal, JSON.parse(readState.get(id)?.state ?? 'null') as Record<string, unknown>)
        return columns({ ...state, id: `${id}_raw` }, seal)
      })
      const rawStarted = process.hrtime.bigint()
      for (const row of rows) insert.run(row)
      rawMs += ms(rawStarted)
      raw.transaction(() => {
        for (const row of rows) remove.run(row.id)
      })()
    }
    const total = perRound * ROUNDS
    const rate = (spentMs: number) => Math.round(total / (spentMs / 1000))
    const perSubmit = (mode: Mode) => (committed[mode] / total).toFixed(2)
    note(
      `submit: ${rate(spent.grouped)}/s with ${CONCURRENCY} in flight and group commit (${perSubmit('grouped')} COMMITs a submit), ` +
        `${rate(spent.ungrouped)}/s without (${perSubmit('ungrouped')}), ${rate(spent.one_at_a_time)}/s one at a time (${perSubmit('one_at_a_time')}); ` +
        `raw insert of the same row ${rate(rawMs)}/s`,
    )
    return [
      figure('submit_vs_raw', Number((rawMs / spent.grouped).toFixed(3)), '×'),
      figure('submit_vs_raw[ungrouped]', Number((rawMs / spent.ungrouped).toFixed(3)), '×'),
      figure('submit_vs_raw[one_at_a_time]', Number((rawMs / spent.one_at_a_time).toFixed(3)), '×'),
    ]
  } finally {
    Database.prototype.exec = realExec
    raw.close()
    await grouped.store.close()
    await ungrouped.store.close()
  }
}
