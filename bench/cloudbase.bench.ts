/**
 * What the product costs where it runs: the real handlers on the CloudBase adapter, over the real
 * @cloudbase/node-sdk, against the CloudBase emulator (tools/cloud-emulator), called as the production
 * entry calls them (runtime/cloud-entry.ts: a write delivers what it queued before answering, a timer
 * runs every job of its function within JOB_BUDGET_MS). A database request is one TCB request the
 * emulator answered (CloudBase bills and throttles by them).
 *
 * cb_requests_submit / _ballot / _overview: requests of one intake.submit (a resident of 蒲河村, her
 *   messages delivered), one deliberation.vote (a member of 蒲河村's council), one stats.overview of
 *   the province; the median of 5 each.
 * cb_requests_escalation: the escalation timer's requests for a page of due cases ÷ the cases it
 *   escalated (each one pending past its 24 h accept deadline).
 * cb_requests_timer_run: one idle run of every function's timer jobs (nothing due), each fired once
 *   as if every timer fired every minute.
 * cb_requests_quiet_minute: what a minute costs a province when nothing happens: the requests of a quiet
 *   hour (quiet-hour.ts) with each timer fired on its own cron, ÷ 60; noted beside it, the 2026-12-03
 *   job set fired on the same crons.
 * cb_backlog_runs / cb_backlog_s: a backlog of 10^4 due cases at 10 ms per request (the emulator adds
 *   the round trip; concurrent requests overlap): the escalation timer's measured rate on a backlog of
 *   BACKLOG_CASES, extrapolated to 10^4 — timer runs of JOB_BUDGET_MS each, and the seconds of work.
 *   Every case of the measured backlog is escalated exactly once (none lost, none twice).
 * cb_concurrent_failed / _p50_ms / _p95_ms: 200 residents of 200 villages of one township submit at
 *   once at 10 ms per request: replies that were not ok (CloudBase refuses a transaction writing a
 *   document another open one wrote; the adapter retries, then answers the error), latency per
 *   submit; the province's, county's and township's counters must count every filed case exactly once.
 *
 * BENCH_TRACE=1 notes a submit's, a ballot's, an overview's and an idle run's requests one by one.
 */
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { DEV_KEY, aesGcmCipher } from '../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { createCloudbaseStore } from '../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import manifest from '../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import type { CloudbaseDb } from '../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'
import { seedDemoProvince } from '../cloudfunctions/_local/seed/seed'
import { FUNCTIONS } from '../cloudfunctions/_local/functions'
import { handle, runJobs } from '../cloudfunctions/_shared/handler/handle'
import { deliverMessages } from '../cloudfunctions/_shared/notify/deliver'
import { AFTER_CHANGE_BUDGET_MS, JOB_BUDGET_MS } from '../cloudfunctions/_shared/runtime/budgets'
import { addOrg } from '../cloudfunctions/_shared/orgs/onboarding.service'
import type { Deps } from '../cloudfunctions/_shared/context/deps'
import type { FunctionDef } from '../cloudfunctions/_shared/handler/define-function'
import { startCloudEmulator, type CloudEmulator, type RequestRecord } from '../tools/cloud-emulator/emulator'
import { runLikeACloudFunction, sdkApp } from '../tools/cloud-emulator/node-sdk-client'
import { benchDeps, figure, median, note, QUICK } from './support'
import { QUIET_MINUTES, baselinePerMinute, firingCounts, firingsOfHour } from './quiet-hour'

const ENV_ID = 'bench-env'
/** A round trip to CloudBase's database from a function in the same region. */
const LATENCY_MS = 10
const BACKLOG_TARGET = 10_000
const BACKLOG_CASES = QUICK ? 40 : 400
/** 200 in the full run; QUICK (npm test's smoke run) files 50. */
const CONCURRENT = QUICK ? 50 : 200
const SAMPLES = 5
const VILLAGE = '210113001201'
const TOWNSHIP = '210113001'
const COUNTY = '210113'
const PROVINCE = '210000'
const CONVENER = 'demo-convener-wang'
const MEMBERS = ['demo-member-li', 'demo-member-zhang', 'demo-member-liu', 'demo-member-chen', 'demo-member-yang']

type Reply = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }

/** "cases 12, counters 20, …": where a run of requests went, most first. */
function byCollection(records: { action: string; collection?: string }[]): string {
  const counts = new Map<string, number>()
  for (const r of records) {
    const key = r.collection ?? r.action.replace('database.', '')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')
}

async function cloudDeps(work: string, now: string): Promise<{ emulator: CloudEmulator; deps: Deps & { clock: ReturnType<typeof benchDeps>['clock'] } }> {
  runLikeACloudFunction(ENV_ID)
  // node-sdk's keep-alive sockets take a listener per request waiting for one: 200 at once is expected.
  EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, CONCURRENT + 10)
  const emulator = await startCloudEmulator({ dataDir: join(work, 'cloudbase'), envId: ENV_ID })
  const fn = { name: 'bench', secretId: 'AKIDbench', secretKey: 'bench-secret', sessionToken: 'bench-token', openapi: [] }
  emulator.registerFunction(fn)
  const db = sdkApp(emulator, fn, { timeout: 60_000 }).database() as CloudbaseDb
  emulator.database.provision(manifest)
  const local = benchDeps(join(work, 'cloudbase-stand-ins.sqlite'), now)
  await local.store.close()
  const store = createCloudbaseStore(db, { cipher: aesGcmCipher(DEV_KEY) })
  await seedDemoProvince(store)
  return { emulator, deps: { ...local, store } }
}

export async function cloudbaseFigures(work: string, now: string): Promise<string[]> {
  mkdirSync(work, { recursive: true })
  const { emulator, deps } = await cloudDeps(work, now)
  try {
    // As cloud-entry.ts calls a function: the write's messages are delivered before it answers.
    const call = async (fn: string, openid: string, event: Record<string, unknown>): Promise<Reply> =>
      (await handle(FUNCTIONS[fn] as FunctionDef, event, { kind: 'user', openid }, deps, {
        afterWrite: () => deliverMessages({ deps, now: deps.clock.now(), requestId: 'after-change', deadline: Date.now() + AFTER_CHANGE_BUDGET_MS }),
      })) as Reply
    const ok = async (fn: string, openid: string, event: Record<string, unknown>) => {
      const reply = await call(fn, openid, event)
      if (!reply.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${reply.error.code} ${reply.error.message}`)
      return reply.data
    }
    const requestsOf = async (run: () => Promise<unknown>) => {
      const before = emulator.requestCount()
      await run()
      return emulator.requestCount() - before
    }
    /** BENCH_TRACE=1: every request since `from`, in order (what to cut next). */
    const trace = (label: string, from: number) =>
      process.env.BENCH_TRACE === '1' &&
      note(`cloudbase: ${label}, request by request: ${emulator.requests().slice(from).map((r) => `${r.action.replace('database.', '')} ${r.collection ?? ''}`.trim()).join(', ')}`)
    let n = 0
    const aReport = (villageId: string) => ({
      action: 'submit',
      clientRequestId: `bench-cb-${++n}`,
      kind: 'problem',
      category: 'governance',
      title: '村口路灯坏了',
      content: '村口到小学的路灯坏了两个月，晚上孩子放学很危险。',
      villageId,
      anonymous: false,
    })
    const submit = (openid: string) => ok('intake', openid, aReport(VILLAGE))

    const submits: number[] = []
    for (let i = 0; i < SAMPLES; i++) submits.push(await requestsOf(() => submit(`bench-cb-resident-${i}`)))
    trace('a submit', emulator.requestCount() - (submits.at(-1) as number))
    note(`cloudbase: one submit's requests by collection: ${byCollection(emulator.requests().slice(-(submits.at(-1) as number)))}`)

    const { deliberationId } = await ok('deliberation', CONVENER, {
      action: 'open',
      orgId: VILLAGE,
      title: '村口路灯由谁出资维修',
      background: '村口到小学的路灯坏了两个月，维修需要约三千元，请议事会表决出资方式。',
      options: ['村集体出资', '向镇里申请'],
      closesAt: new Date(Date.parse(deps.clock.now()) + 3 * 86_400_000).toISOString(),
    })
    const ballots: number[] = []
    for (const member of MEMBERS) ballots.push(await requestsOf(() => ok('deliberation', member, { action: 'vote', deliberationId, choices: [0] })))

    trace('a ballot', emulator.requestCount() - (ballots.at(-1) as number))
    const overviews: number[] = []
    for (let i = 0; i < SAMPLES; i++) overviews.push(await requestsOf(() => ok('stats', 'demo-cadre-province', { action: 'overview', orgId: PROVINCE })))
    trace('an overview', emulator.requestCount() - (overviews.at(-1) as number))

    // Idle timers: everything due so far is done first (the samples' messages, their reminders).
    const everyTimer = async (except?: string) => {
      for (const fn of Object.values(FUNCTIONS)) if (fn.name !== except && Object.keys(fn.jobs ?? {}).length) await runJobs(fn, deps, JOB_BUDGET_MS)
    }
    await everyTimer()
    const idleFrom = emulator.requestCount()
    const idle = await requestsOf(() => everyTimer())
    trace('an idle run of every timer', idleFrom)
    // A quiet hour on the real crons: minute by minute on the bench clock, each timer when its cron fires,
    // from the minute after the idle run (whose jobs count as the minute before it, as in a quiet day).
    deps.clock.advanceHours(1 / 60)
    const hourStart = Date.parse(deps.clock.now())
    const firings = firingsOfHour(hourStart)
    const quietFrom = emulator.requestCount()
    for (const fired of firings) {
      for (const name of fired) await runJobs(FUNCTIONS[name] as FunctionDef, deps, JOB_BUDGET_MS)
      deps.clock.advanceHours(1 / 60)
    }
    const quietPerMinute = (emulator.requestCount() - quietFrom) / QUIET_MINUTES
    note(
      `cloudbase: a quiet hour from ${new Date(hourStart).toISOString()} (timers fired: ${firingCounts(firings)}): ` +
        `${emulator.requestCount() - quietFrom} requests (${byCollection(emulator.requests().slice(quietFrom))}), ` +
        `${quietPerMinute.toFixed(2)} a minute; the 2026-12-03 jobs on the same crons: ${baselinePerMinute(firings).toFixed(2)} a minute`,
    )
    // The backlog: cases pending past their accept deadline, swept at 10 ms a request.
    const backlog: string[] = []
    for (let i = 0; i < BACKLOG_CASES; i++) backlog.push(String((await submit(`bench-cb-backlog-${i}`)).caseId))
    deps.clock.advanceHours(25)
    await everyTimer('escalation') // the other timers' due work (reminders, messages) is not the sweep's
    emulator.setLatency(LATENCY_MS)
    const escalation = FUNCTIONS.escalation as FunctionDef
    let runs = 0
    let sweptMs = 0
    let sweepRequests = 0
    // The runs' own requests, not the checks between them.
    const sweepRecords: RequestRecord[] = []
    const pending = async () => (await Promise.all(backlog.map((id) => deps.store.cases.get(id)))).filter((c) => c?.state.level === 'village').length
    while ((await pending()) > 0) {
      if (++runs > 20) throw new Error('backlog not drained in 20 timer runs')
      const t = Date.now()
      const from = emulator.requestCount()
      sweepRequests += await requestsOf(() => runJobs(escalation, deps, JOB_BUDGET_MS))
      sweepRecords.push(...emulator.requests().slice(from))
      sweptMs += Date.now() - t
      if (Date.now() - t > 60_000) throw new Error(`a timer run took ${Date.now() - t} ms, past the function's 60 s timeout`)
    }
    emulator.setLatency(0)
    for (const id of backlog) {
      const c = await deps.store.cases.get(id)
      const escalations = (await deps.store.cases.timeline(id)).filter((e) => e.type === 'CaseEscalated').length
      if (c?.state.level !== 'township' || escalations !== 1) throw new Error(`case ${id} at ${c?.state.level} after ${escalations} escalations`)
    }
    const perSecond = BACKLOG_CASES / (sweptMs / 1000)
    const perRun = perSecond * (JOB_BUDGET_MS / 1000)

    // 200 villages of one township, one resident each, all at once.
    const township = '210113109'
    await deps.store.transaction(async (tx) => {
      await addOrg(tx, { id: township, name: '测试街道', level: 'township', parentId: COUNTY })
    })
    const villages = Array.from({ length: CONCURRENT }, (_, i) => `${township}${String(i + 1).padStart(3, '0')}`)
    for (const [i, id] of villages.entries()) await deps.store.transaction((tx) => addOrg(tx, { id, name: `测试村${i + 1}`, level: 'village', parentId: township }))
    const counted = async () => Promise.all([PROVINCE, COUNTY, township].map(async (org) => (await deps.store.counters.get(org)).cases ?? 0))
    const before = await counted()
    const concurrentFrom = emulator.requestCount()
    emulator.setLatency(LATENCY_MS)
    const latencies: number[] = []
    const concurrentStart = Date.now()
    const replies = await Promise.all(
      villages.map(async (villageId, i) => {
        const t = Date.now()
        const reply = await call('intake', `bench-cb-village-${i}`, aReport(villageId))
        latencies.push(Date.now() - t)
        return reply
      }),
    )
    emulator.setLatency(0)
    const failed = replies.filter((r) => !r.ok)
    const codes = new Map<string, number>()
    for (const r of failed) if (!r.ok) codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1)
    const concurrentSeconds = (Date.now() - concurrentStart) / 1000
    const concurrentRequests = emulator.requestCount() - concurrentFrom
    const refusedWrites = byCollection(emulator.requests().slice(concurrentFrom).filter((r) => r.error))
    const filed = replies.length - failed.length
    const exactCounters = async (when: string) => {
      const after = await counted()
      if (after.every((count, i) => count - (before[i] as number) === filed)) return
      throw new Error(`counters not exact ${when}: ${filed} filed, counters moved by ${after.map((c, i) => c - (before[i] as number)).join(' / ')}`)
    }
    await exactCounters('before the fold')
    // What a reader pays for deltas not folded yet (the notify timer's fold rests after an idle run):
    // the province's overview with the concurrent submits' deltas unfolded, and again after the fold.
    const provinceOverview = () => requestsOf(() => ok('stats', 'demo-cadre-province', { action: 'overview', orgId: PROVINCE }))
    const overviewUnfolded = await provinceOverview()
    // What the notify timer's foldCounters job then does with the submits' counter deltas
    // (counter-deltas.cloudbase.ts), alone, at 10 ms a request too.
    emulator.setLatency(LATENCY_MS)
    const foldStart = Date.now()
    let folded = 0
    const foldRequests = await requestsOf(async () => (folded = (await deps.store.foldCounters?.(Date.now() + JOB_BUDGET_MS)) ?? 0))
    const foldMs = Date.now() - foldStart
    emulator.setLatency(0)
    await exactCounters('after the fold')
    const overviewFolded = await provinceOverview()
    latencies.sort((a, b) => a - b)
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] as number

    // One process runs the emulator, node-sdk and every handler: past some concurrency the latencies
    // are how fast this process gets through the requests, not CloudBase's (docs/benchmarks.md).
    note(
      `cloudbase: the ${CONCURRENT} concurrent submits made ${concurrentRequests} requests in ${concurrentSeconds.toFixed(1)} s ` +
        `(${Math.round(concurrentRequests / concurrentSeconds)} a second through this one process)`,
    )
    note(`cloudbase: the sweep's requests by collection: ${byCollection(sweepRecords)}`)
    note(
      `cloudbase: backlog of ${BACKLOG_CASES} swept in ${runs} run(s), ${(sweptMs / 1000).toFixed(1)} s at ${LATENCY_MS} ms a request ` +
        `(${sweepRequests} requests); ${CONCURRENT} concurrent submits: ${filed} filed, refused ${JSON.stringify(Object.fromEntries(codes))}, ` +
        `requests refused on the way (conflicts, retried): ${refusedWrites || 'none'}; counters exact before and after the notify timer ` +
        `folded their ${folded} deltas (${foldRequests} requests, ${(foldMs / 1000).toFixed(1)} s); the province's overview ` +
        `${overviewUnfolded} requests with them unfolded, ${overviewFolded} after`,
    )
    return [
      figure('cb_requests_submit', median(submits), 'requests'),
      figure('cb_requests_escalation', Number((sweepRequests / BACKLOG_CASES).toFixed(1)), 'requests'),
      figure('cb_requests_ballot', median(ballots), 'requests'),
      figure('cb_requests_overview', median(overviews), 'requests'),
      figure('cb_requests_timer_run', idle, 'requests'),
      figure('cb_requests_quiet_minute', Number(quietPerMinute.toFixed(2)), 'requests'),
      figure('cb_backlog_runs', Math.ceil(BACKLOG_TARGET / perRun), 'runs'),
      figure('cb_backlog_s', Math.round(BACKLOG_TARGET / perSecond), 's'),
      figure('cb_concurrent_failed', failed.length, 'replies'),
      figure('cb_concurrent_p50_ms', pct(0.5), 'ms'),
      figure('cb_concurrent_p95_ms', pct(0.95), 'ms'),
    ]
  } finally {
    await deps.store.close()
    await emulator.close()
  }
}
