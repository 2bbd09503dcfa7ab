/**
 * `npm run bench` (docs/benchmarks.md): builds a province-sized dataset on the embedded store and
 * prints each figure as a line `name: value unit`, the names of docs/benchmarks.md. Ratios are measured
 * side by side in this one run: the machine is shared and noisy, never compare with another run's
 * number.
 *
 * QUICK=1 runs everything at 1/100 of the size in under a minute; `npm test` runs it so the bench
 * never rots. It asserts no time: only that every figure printed and that crash_safety is 0 / 0 (and
 * the correctness checks inside each figure: every due case escalated once, the overview equal to a
 * full scan, the tally exact). BENCH_KEEP=1 keeps the data folder.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, freemem, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { buildDataset } from './dataset'
import { QUICK, SIZES, benchNow, note, runBench } from './support'
import { sweepFigures } from './sweep.bench'
import { submitFigures, submitResidents } from './submit.bench'
import { overviewFigures } from './overview.bench'
import { ballotFigures } from './ballots.bench'
import { hostFigures } from './host.bench'
import { crashFigures } from './crash.bench'
import { weappFigures } from './weapp.bench'
import { functionFigures } from './functions.bench'
import { cloudbaseFigures } from './cloudbase.bench'
import { functionNames } from '../scripts/build-functions'

/** Every figure the run must print (fn_*, weapp subpackages: one per function / subpackage found). */
const EXPECTED = [
  'sweep_scaling',
  'sweep_rate',
  'submit_vs_raw',
  'overview_ms',
  'overview_vs_scan',
  'ballots_per_s',
  'host_rss_mb',
  'crash_safety',
  'weapp_main_kb',
  ...functionNames().flatMap((fn) => [`fn_bundle_kb[${fn}]`, `fn_init_ms[${fn}]`]),
  'cb_requests_submit',
  'cb_requests_escalation',
  'cb_requests_ballot',
  'cb_requests_overview',
  'cb_requests_timer_run',
  'cb_requests_quiet_minute',
  'cb_backlog_runs',
  'cb_backlog_s',
  'cb_concurrent_failed',
  'cb_concurrent_p50_ms',
  'cb_concurrent_p95_ms',
]

async function main() {
  const started = Date.now()
  const work = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'fulian-bench-'))
  // The dataset's "now" (support.ts benchNow).
  const now = benchNow()
  note(
    `${QUICK ? 'QUICK (1/100)' : 'full'}: ${SIZES.bigCases} cases, ${SIZES.dueCases} due; node ${process.version}, ` +
      `${cpus().length} cpus, ${Math.round(totalmem() / 2 ** 30)} GB (${Math.round(freemem() / 2 ** 30)} free); data in ${work}`,
  )
  const lines: string[] = []
  const failures: string[] = []
  const step = async (name: string, run: () => Promise<string[]> | string[]) => {
    const t = Date.now()
    try {
      lines.push(...(await run()))
    } catch (error) {
      failures.push(name)
      console.log(`${name}: FAILED`)
      console.error(error)
    }
    note(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }

  try {
    for (const sub of ['big', 'small', 'warm', 'crash']) mkdirSync(join(work, sub))
    const big = await buildDataset({
      file: join(work, 'big', 'fulian.sqlite'),
      shape: SIZES.shape,
      cases: SIZES.bigCases,
      due: SIZES.dueCases,
      now,
      idleResidents: submitResidents(SIZES.submits),
    })
    note(
      `dataset: ${big.cases} cases, ${big.messages} messages, ${big.orgs} orgs (${big.villages} councils), ` +
        `${big.memberships} role bindings in ${(big.buildMs / 1000).toFixed(1)} s`,
    )
    const small = await buildDataset({ file: join(work, 'small', 'fulian.sqlite'), shape: SIZES.shape, cases: SIZES.dueCases, due: SIZES.dueCases, now })
    note(`dataset: ${small.cases} cases (all due) in ${(small.buildMs / 1000).toFixed(1)} s`)

    const warm = await buildDataset({
      file: join(work, 'warm', 'fulian.sqlite'),
      shape: { cities: 1, countiesPerCity: 1, townshipsPerCounty: 2, villagesPerTownship: 50 },
      cases: 500,
      due: 500,
      now,
    })

    await step('sweep', () => sweepFigures(big, small, warm))
    await step('submit', () => submitFigures(big, SIZES.submits))
    await step('overview', () => overviewFigures(big))
    await step('ballots', () => ballotFigures(big, SIZES.ballots))
    await step('host', () => hostFigures(big))
    await step('crash', () => crashFigures(join(work, 'crash'), SIZES.shape, now, SIZES.crashSubmits))
    await step('weapp', () => weappFigures())
    await step('functions', () => functionFigures())
    // Last: it makes this process look like a function's runtime to node-sdk (cloudbase.bench.ts).
    await step('cloudbase', () => cloudbaseFigures(join(work, 'cloudbase'), now))
  } finally {
    if (process.env.BENCH_KEEP !== '1') rmSync(work, { recursive: true, force: true })
  }

  const printed = new Set(lines.map((line) => line.slice(0, line.indexOf(':'))))
  const missing = EXPECTED.filter((name) => !printed.has(name))
  const crash = lines.find((line) => line.startsWith('crash_safety:'))
  note(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  if (failures.length || missing.length || crash !== 'crash_safety: 0 / 0') {
    console.error(
      `bench: ${failures.length ? `failed: ${failures.join(', ')}; ` : ''}${missing.length ? `not printed: ${missing.join(', ')}; ` : ''}` +
        `${crash !== 'crash_safety: 0 / 0' ? `crash_safety must be 0 / 0 (${crash ?? 'not measured'})` : ''}`,
    )
    process.exit(1)
  }
}

runBench(main)
