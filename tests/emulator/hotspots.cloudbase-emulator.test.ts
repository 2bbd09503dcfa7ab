/**
 * The early warning on the CloudBase adapter, against the emulator (the real node-sdk over signed HTTP):
 * reports racing into one township, each looked at right after it is saved, and the same looks
 * replayed at once, raise one alert and one message per cadre — the slot's document decides, its
 * transactions retried on conflict — with every query on the way named by an index.
 */
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { watchHotspots } from '../../cloudfunctions/_shared/stats/hotspot-watch'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { useEmulatorDatabase } from './emulator.fixture'
import { emulatorDemoDeps } from './emulator-deps'
import { aReport, TOWNSHIP, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import type { TestDeps } from '../support/test-deps'

const intake = intakeFunction as FunctionDef
const cloud = useEmulatorDatabase('hotspots')

let deps: TestDeps
beforeEach(async () => {
  deps = await emulatorDemoDeps(cloud)
})

test('racing reports in three villages raise one alert and one message for the township cadre', async () => {
  const reports: [string, string][] = [
    ['demo-resident-zhao', VILLAGE],
    ['demo-resident-sun', '210113001202'],
    ['demo-resident-zhou', '210113001003'],
    ['demo-resident-wu', '210113001202'],
  ]
  const replies = await Promise.all(
    reports.map(([openid, villageId]) =>
      handle(intake, aReport({ villageId, category: 'labor_social', title: '服装厂拖欠工资' }), { kind: 'user', openid }, deps),
    ),
  )
  expect(replies.filter((r) => !r.ok)).toEqual([])
  // Every look replayed at once (a resend, a retried invocation): nothing more.
  const cases = await Promise.all(replies.map(async (r) => (await deps.store.cases.get((r as { data: { caseId: string } }).data.caseId))!.state))
  await Promise.all(cases.map((c) => watchHotspots(deps, c, { now: deps.clock.now(), requestId: 'replay' })))

  const alerts = await deps.store.hotspots.liveIn(['210000', '210100', '210113', TOWNSHIP], deps.clock.now(), 10)
  expect(alerts.map((a) => [a.rule, a.orgId, a.cases, a.children.length])).toEqual([['spread', TOWNSHIP, 4, 3]])
  expect(new Set(alerts[0]!.caseIds)).toEqual(new Set(cases.map((c) => c.id)))
  const messages = (await deps.store.messages.forRecipient(TOWNSHIP_CADRE, 50)).filter((m) => m.kind === 'hotspot_alert')
  expect(messages).toHaveLength(1)
  // The day's counts hold every report once.
  const [day] = await deps.store.counters.inPeriods([{ orgId: TOWNSHIP, period: '2026-11-30' }])
  expect(day).toEqual({
    'reported:labor_social': 4,
    'reported:labor_social:210113001201': 1,
    'reported:labor_social:210113001202': 2,
    'reported:labor_social:210113001003': 1,
  })
}, 60_000)
