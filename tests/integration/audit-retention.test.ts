/**
 * Audit and retention: every change is recorded with who, what, when and where, readable by the
 * cadres above it (never naming an anonymous reporter); a reporter's phone is deleted once her case
 * has been over for the retention period.
 */
import { accountFunction } from '../../cloudfunctions/account/account.function'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { escalationFunction } from '../../cloudfunctions/escalation/escalation.function'
import { purgeContacts } from '../../cloudfunctions/intake/purge-contacts.job'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { CONTACT_RETENTION_DAYS } from '../../types/intake.contract'
import { aReport, CONVENER, COUNTY_CADRE, PROVINCE_CADRE, RESIDENT, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'

const account = accountFunction as FunctionDef
const intake = intakeFunction as FunctionDef
const escalation = escalationFunction as FunctionDef
let deps: TestDeps
beforeEach(async () => {
  deps = await demoDeps()
})
afterEach(() => deps.store.close())

type Audit = { items: { actor: string; action: string; orgName: string; summary: string; targetId: string }[] }

test('who did what where: the township and the province read the village council’s work', async () => {
  const { caseId } = await callAs<{ caseId: string }>(deps, intake, RESIDENT, aReport({ anonymous: true }))
  await callAs(deps, escalation, CONVENER, { action: 'accept', caseId })
  await callAs(deps, escalation, CONVENER, { action: 'resolve', caseId, outcome: 'solved', resolution: '已修复' })
  await callAs(deps, account, CONVENER, { action: 'invite', role: 'member', orgId: VILLAGE })

  const township = await callAs<Audit>(deps, account, TOWNSHIP_CADRE, { action: 'audit' })
  expect(township.items.map((i) => [i.action, i.actor, i.orgName])).toEqual([
    ['account.invite', '王秀兰（议事会主任）', '蒲河村'],
    ['case.CaseResolved', '王秀兰（议事会主任）', '蒲河村'],
    ['case.CaseAccepted', '王秀兰（议事会主任）', '蒲河村'],
    ['case.CaseSubmitted', '群众', '蒲河村'],
  ])
  // The anonymous reporter is never named, nor identified by her openid.
  expect(JSON.stringify(township)).not.toContain(RESIDENT)
  expect((await callAs<Audit>(deps, account, PROVINCE_CADRE, { action: 'audit' })).items).toHaveLength(4)
  // Someone else's subtree, or no supervising role: refused.
  expect(await handle(account, { action: 'audit', orgId: '210283' }, { kind: 'user', openid: COUNTY_CADRE }, deps)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await handle(account, { action: 'audit' }, { kind: 'user', openid: CONVENER }, deps)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('a closed case’s contact details are deleted after the retention period, and only then', async () => {
  const { caseId } = await callAs<{ caseId: string }>(deps, intake, RESIDENT, aReport({ phone: '13812345678' }))
  const job = () => purgeContacts({ deps, now: deps.clock.now(), requestId: 'job', deadline: Date.now() + 60_000 })
  await callAs(deps, escalation, CONVENER, { action: 'accept', caseId })
  await callAs(deps, escalation, CONVENER, { action: 'resolve', caseId, outcome: 'solved', resolution: '已处理' })
  deps.clock.advanceHours(24 * 60)
  expect(await job()).toEqual({ purged: 0 }) // resolved, not yet closed: still needed
  await callAs(deps, intake, RESIDENT, { action: 'rate', caseId, solved: 'yes', satisfaction: 'satisfied' })
  deps.clock.advanceHours(24 * (CONTACT_RETENTION_DAYS - 1))
  expect(await job()).toEqual({ purged: 0 })
  expect(await deps.store.contacts.get(caseId)).not.toBeNull()
  deps.clock.advanceHours(48)
  expect(await job()).toEqual({ purged: 1 })
  expect(await deps.store.contacts.get(caseId)).toBeNull()
  expect(await job()).toEqual({ purged: 0 })
  // The case and its story stay.
  expect((await deps.store.cases.get(caseId))?.state.status).toBe('closed')
})

test('a council member files for a resident: recorded as such; her name reaches only those handling it', async () => {
  const { caseId } = await callAs<{ caseId: string }>(deps, intake, 'demo-member-li', aReport({ onBehalfOf: { name: '刘奶奶', phone: '13900001111' } }))
  const asConvener = await callAs<{ case: { filedOnBehalf: boolean; onBehalfOf?: { name: string; phone?: string }; timeline: { text: string }[] } }>(deps, intake, CONVENER, { action: 'get', caseId })
  expect(asConvener.case).toMatchObject({ filedOnBehalf: true, onBehalfOf: { name: '刘奶奶', phone: '139****1111' } })
  expect(asConvener.case.timeline[0]?.text).toBe('议事会成员代群众提交，由蒲河村（村/社区）议事会受理')
  const asFiler = await callAs<{ case: { onBehalfOf?: unknown; mine: boolean } }>(deps, intake, 'demo-member-li', { action: 'get', caseId })
  expect(asFiler.case).toMatchObject({ mine: true })
  expect(asFiler.case.onBehalfOf).toBeUndefined()
  expect(await handle(intake, aReport({ onBehalfOf: { name: '某人' } }), { kind: 'user', openid: RESIDENT }, deps)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '只有本村（社区）议事会成员可以代群众反映' },
  })
})
