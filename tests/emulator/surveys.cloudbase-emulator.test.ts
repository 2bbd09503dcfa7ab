/**
 * Survey answers on the CloudBase adapter, against the emulator (the real node-sdk over signed HTTP):
 * residents answering a province-wide survey all at once, and changing their answers at once, lose no
 * count. Every answer adds to the province's counters — the hot document — so they are spread over
 * shards (adapters/cloudbase/surveys.cloudbase.ts) and transactions that still collide are retried;
 * the results read the sums.
 */
import { outreachFunction } from '../../cloudfunctions/outreach/outreach.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import type { OutreachResults } from '../../types/outreach.contract'
import { useEmulatorDatabase } from './emulator.fixture'
import { emulatorDemoDeps } from './emulator-deps'
import { PROVINCE, PROVINCE_CADRE, VILLAGE } from '../support/demo'
import { callAs, type TestDeps } from '../support/test-deps'

const outreach = outreachFunction as FunctionDef
const cloud = useEmulatorDatabase('surveys')

let deps: TestDeps
beforeEach(async () => {
  deps = await emulatorDemoDeps(cloud)
})

const VILLAGES = [VILLAGE, '210113001202', '210113102201', '210283103201', '211321102202']
const PEOPLE = 30

test('thirty residents answering a province-wide survey at once, then changing it at once, lose no count', async () => {
  const { surveyId } = await callAs(deps, outreach, PROVINCE_CADRE, {
    action: 'openSurvey', orgId: PROVINCE, title: '全省妇女需求调研', audience: 'residents',
    closesAt: new Date(Date.parse(deps.clock.now()) + 7 * 86_400_000).toISOString(),
    questions: [{ text: '最需要的服务', options: ['法律', '健康', '就业'] }],
  })
  const people = Array.from({ length: PEOPLE }, (_, i) => ({ openid: `racer-${i}`, village: VILLAGES[i % VILLAGES.length]! }))
  for (const p of people) await deps.store.people.putUser({ openid: p.openid, name: null, homeOrgId: p.village, publicPhone: null })

  const answerAll = (choice: (i: number) => number) =>
    Promise.all(people.map((p, i) => handle(outreach, { action: 'answerSurvey', surveyId, answers: [[choice(i)]] }, { kind: 'user', openid: p.openid }, deps)))
  expect((await answerAll(() => 0)).filter((r) => !r.ok)).toEqual([])
  // Everyone changes hers at once: a third to each option.
  expect((await answerAll((i) => i % 3)).filter((r) => !r.ok)).toEqual([])

  const r = await callAs<OutreachResults['surveyResults']>(deps, outreach, PROVINCE_CADRE, { action: 'surveyResults', surveyId })
  expect(r.respondents).toBe(PEOPLE)
  expect(r.questions[0]!.options.map((o) => o.count)).toEqual([10, 10, 10])
  // 沈阳市 (蒲河村, 道义村, 清水台村), 大连市 and 朝阳市, from their own counters.
  expect(r.children.map((c) => [c.orgName, c.respondents])).toEqual([
    ['沈阳市', 18],
    ['大连市', 6],
    ['朝阳市', 6],
  ])
  expect(r.children.reduce((sum, c) => sum + c.counts[0]!.reduce((a, b) => a + b, 0), 0)).toBe(PEOPLE)
  // The province's counters were spread: more than one shard holds some of them.
  const shards = cloud.emulator.database.find('survey_counters').filter((d: { orgId?: string }) => d.orgId === PROVINCE)
  expect(shards.length).toBeGreaterThan(1)
  expect(cloud.emulator.database.openTransactions()).toBe(0)
}, 120_000)
