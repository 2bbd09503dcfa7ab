/**
 * Where a submission's CPU goes, on SQLite, in process, one at a time (not a figure of npm run bench):
 * the demo province, 200 warm-up submits, then N (2,000) timed, wall and CPU per submit.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-submit.ts
 *
 * The machine is shared: compare only runs alternated in one sitting, by CPU rather than wall time.
 */
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { benchDeps, runBench } from './support'
import { seedDemoProvince } from '../cloudfunctions/_local/seed/seed'
import { intakeFunction } from '../cloudfunctions/intake/intake.function'
import { handle } from '../cloudfunctions/_shared/handler/handle'
import type { FunctionDef } from '../cloudfunctions/_shared/handler/define-function'

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'prof-'))
  const deps = benchDeps(join(dir, 's.sqlite'), '2026-11-30T02:00:00.000Z')
  await seedDemoProvince(deps.store)
  const N = Number(process.env.N ?? 2000)
  const one = async (i: number) => {
    const r = await handle(intakeFunction as FunctionDef, { action: 'submit', clientRequestId: `prof-req-${i}`, kind: 'problem', category: 'governance', title: '村口路灯坏了', content: '村口到小学的路灯坏了两个月，晚上孩子放学很危险。', villageId: '210113001201', anonymous: i % 5 === 0 }, { kind: 'user', openid: `prof-${i}` }, deps)
    if (!r.ok) throw new Error(JSON.stringify(r))
  }
  for (let i = 0; i < 200; i++) await one(-1 - i)
  const t = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  for (let i = 0; i < N; i++) await one(i)
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  const used = process.cpuUsage(cpu)
  console.log(`${N} submits ${ms.toFixed(0)} ms: ${(ms * 1000 / N).toFixed(0)} µs each, cpu ${((used.user + used.system) / N).toFixed(0)} µs each`)
}
runBench(main, true)
