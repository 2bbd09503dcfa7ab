/**
 * submit_vs_raw: `intake.submit` through the real handler, in process, on the big dataset (parse,
 * content check, rate limit, the village's chain, decide, one transaction with the case, its timeline,
 * its chain index, its counters, its contact and its messages) against the raw SQLite insert of the
 * same row: the case row the submit stored (the adapter's own column mapping), one INSERT per
 * transaction as the submit has one transaction per case. Side by side in rounds, so a noisy
 * neighbour slows both; the raw rows are deleted afterwards.
 */
import Database from 'better-sqlite3'
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

export async function submitFigures(dataset: Dataset, submits: number, firstResident = 0): Promise<string[]> {
  const deps = benchDeps(dataset.file, dataset.now)
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

  let n = 0
  const submitOne = async () => {
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
    for (let i = 0; i < Math.min(100, submits / 10); i++) await submitOne() // warm: JIT, statements
    let submitMs = 0
    let rawMs = 0
    const perRound = Math.ceil(submits / ROUNDS)
    for (let round = 0; round < ROUNDS; round++) {
      const ids: string[] = []
      const started = process.hrtime.bigint()
      for (let i = 0; i < perRound; i++) ids.push(await submitOne())
      submitMs += ms(started)

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
    note(`submit: ${Math.round(total / (submitMs / 1000))}/s in process; raw insert of the same row ${Math.round(total / (rawMs / 1000))}/s`)
    return [figure('submit_vs_raw', Number((rawMs / submitMs).toFixed(3)), '×')]
  } finally {
    raw.close()
    await deps.store.close()
  }
}
