/**
 * 转办 and 延期 through the fixed HTTP surface on each host (the local one on SQLite and the production
 * path: the built bundles on the function runner and the CloudBase emulator): a misrouted case moves to
 * the right village (by the holder in its first 48 hours, by the township at any time), or to the right
 * township with its village; she reads it in plain words; 督办 says when a case waits for, or got, more
 * time; an approved extension moves the deadline and the sweep keeps to it. Each story makes its own
 * case and moves the clock as it needs.
 */
import { HOST_KINDS } from '../support/hosts'
import { useCaseStories, useSurfaceHost } from '../support/surface'
import {
  aReport,
  CONVENER,
  COUNTY,
  COUNTY_CADRE,
  CITY,
  CITY_CADRE,
  PROVINCE,
  RESIDENT,
  TOWNSHIP,
  TOWNSHIP_CADRE,
  VILLAGE,
  VILLAGE_CADRE,
} from '../support/demo'
import type { CaseDetail } from '../../types/case.contract'
import { refusalOf } from '../support/http-client'
import { escalationFunction } from '../../cloudfunctions/escalation/escalation.function'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { callAs, demoDeps } from '../support/test-deps'

/** Under 道义街道 with 蒲河村; under 沈北新区 with 道义街道, and a village of it. */
const DAOYI_VILLAGE = '210113001202'
const ZHENGLIANG = '210113001003'
const QINGSHUITAI = '210113102'
const QINGSHUITAI_VILLAGE = '210113102201'

const DAY = 86_400_000
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString()
/** 3月15日 in China time, as her timeline writes a date. */
const monthDay = (iso: string) => {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000)
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日`
}

describe.each(HOST_KINDS)('%s host', (kind) => {
  const session = useSurfaceHost(kind)
  const { call, caseAs } = session
  const { supervised, messagesOf, later, tick, report } = useCaseStories(session)

  test('转办 to the right village: the holder in its first 48 hours, the township at any time, never straight back', async () => {
    const caseId = await report('邻居家的狗半夜叫')
    const before = await caseAs(VILLAGE_CADRE, caseId)
    expect(before).toMatchObject({ can: { transfer: true }, transferUnder: { id: TOWNSHIP, name: '道义街道', level: 'township' } })
    expect((await refusalOf(session.host, 'escalation', VILLAGE_CADRE, { action: 'transfer', caseId, toOrgId: VILLAGE, reason: '不是本村' })).code).toBe('INVALID_INPUT')
    expect((await refusalOf(session.host, 'escalation', VILLAGE_CADRE, { action: 'transfer', caseId, toOrgId: QINGSHUITAI_VILLAGE, reason: '不是本村' })).message).toBe(
      '只能转给同一上级下的同级单位',
    )

    // The village's cadre moves it to 道义村: it has left her hands, and her sight.
    expect(await call('escalation', VILLAGE_CADRE, { action: 'transfer', caseId, toOrgId: DAOYI_VILLAGE, reason: '反映人住在道义村，选错了村' })).toEqual({ case: null })
    expect((await refusalOf(session.host, 'intake', CONVENER, { action: 'get', caseId })).code).toBe('NOT_FOUND')

    // She is told in plain words, and the case is 道义村's now, with fresh village deadlines.
    const hers = await caseAs(RESIDENT, caseId)
    expect(hers).toMatchObject({ status: 'pending', level: 'village', holderOrgId: DAOYI_VILLAGE, holderOrgName: '道义村', villageId: DAOYI_VILLAGE })
    expect(hers.timeline.at(-1)?.text).toBe('您的反映转给了道义村（村/社区）办理')
    expect(JSON.stringify(hers)).not.toContain('选错了村')
    expect((await messagesOf(RESIDENT, 'case_transferred', caseId)).map((m) => m.body)).toEqual(['您的反映已转给道义村（村/社区）办理。'])

    // The township sees what happened and why, and may move it on at any time.
    const township = await caseAs(TOWNSHIP_CADRE, caseId)
    expect(township.timeline.at(-1)?.text).toBe('蒲河村（村/社区）转办至道义村（村/社区）：反映人住在道义村，选错了村')
    expect(township.can).toMatchObject({ transfer: true, accept: false })
    await later(72)
    const back = (await call<{ case: CaseDetail }>('escalation', TOWNSHIP_CADRE, { action: 'transfer', caseId, toOrgId: VILLAGE, reason: '经核实，属蒲河村' })).case
    expect(back).toMatchObject({ holderOrgId: VILLAGE, status: 'pending' })
    expect(back.timeline.at(-1)?.text).toBe('道义街道（乡镇/街道）将反映从道义村（村/社区）转办至蒲河村（村/社区）：经核实，属蒲河村')
    expect(await messagesOf(CONVENER, 'case_arrived', caseId)).toHaveLength(1)

    // 蒲河村 may not send it straight back; 48 hours after it arrived, not anywhere.
    expect(await refusalOf(session.host, 'escalation', VILLAGE_CADRE, { action: 'transfer', caseId, toOrgId: DAOYI_VILLAGE, reason: '不是本村' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '这条反映是从该单位转来的，不能直接转回；如有异议，请上一级妇联转办',
    })
    await later(49)
    expect(await refusalOf(session.host, 'escalation', VILLAGE_CADRE, { action: 'transfer', caseId, toOrgId: ZHENGLIANG, reason: '不是本村' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'TRANSFER_TOO_LATE',
    })
    expect((await caseAs(VILLAGE_CADRE, caseId)).can.transfer).toBe(false)
    // The county is not the village's parent: it urges or takes over instead.
    expect((await refusalOf(session.host, 'escalation', COUNTY_CADRE, { action: 'transfer', caseId, toOrgId: ZHENGLIANG, reason: '转' })).code).toBe('FORBIDDEN')
  })

  test('转办 to the right township moves the village too; the county follows it there', async () => {
    const caseId = await report('小区门口占道经营')
    await call('escalation', VILLAGE_CADRE, { action: 'escalate', caseId, reason: '需街道协调' })
    expect(await refusalOf(session.host, 'escalation', TOWNSHIP_CADRE, { action: 'transfer', caseId, toOrgId: QINGSHUITAI, reason: '属清水台镇' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请选择要转给的单位及反映所在的村（社区）',
    })
    expect(
      await call('escalation', TOWNSHIP_CADRE, { action: 'transfer', caseId, toOrgId: QINGSHUITAI, villageId: QINGSHUITAI_VILLAGE, reason: '地点在清水台镇' }),
    ).toEqual({ case: null })
    const county = await caseAs(COUNTY_CADRE, caseId)
    expect(county).toMatchObject({ level: 'township', holderOrgId: QINGSHUITAI, holderOrgName: '清水台镇', villageId: QINGSHUITAI_VILLAGE, villageName: '清水台村' })
    expect(county.can).toMatchObject({ transfer: true, urge: true })
    expect((await caseAs(RESIDENT, caseId)).timeline.at(-1)?.text).toBe('您的反映转给了清水台镇（乡镇/街道）办理')
    // 蒲河村's council no longer follows a case that was never its village's.
    expect((await refusalOf(session.host, 'intake', CONVENER, { action: 'get', caseId })).code).toBe('NOT_FOUND')
  })

  test('延期: the village asks, the township approves; 督办 says so; the deadline moves and the sweep keeps to it', async () => {
    const caseId = await report('宅基地边界纠纷')
    await call('escalation', VILLAGE_CADRE, { action: 'accept', caseId })
    const accepted = await caseAs(VILLAGE_CADRE, caseId)
    expect(accepted).toMatchObject({ can: { requestExtension: true, decideExtension: false }, extensionMaxDays: 7 })
    expect((await refusalOf(session.host, 'escalation', VILLAGE_CADRE, { action: 'requestExtension', caseId, days: 8, reason: '要等测绘' })).code).toBe('INVALID_INPUT')
    const old = accepted.resolveBy

    const asked = (await call<{ case: CaseDetail }>('escalation', VILLAGE_CADRE, { action: 'requestExtension', caseId, days: 5, reason: '要等国土所测绘' })).case
    expect(asked).toMatchObject({ resolveBy: old, can: { requestExtension: false }, extension: { status: 'pending', days: 5, orgName: '蒲河村', until: plus(old, 5) } })
    expect(await refusalOf(session.host, 'escalation', VILLAGE_CADRE, { action: 'requestExtension', caseId, days: 2, reason: '再等等' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'EXTENSION_USED',
    })
    // The township's cadres are asked; its 督办 list says the case waits for its answer.
    expect(await messagesOf(TOWNSHIP_CADRE, 'extension_requested', caseId)).toHaveLength(1)
    const listed = await supervised(TOWNSHIP_CADRE, caseId)
    expect(listed).toMatchObject({ can: { decideExtension: true }, extension: { status: 'pending' } })
    expect(listed?.reasons.map((r) => r.kind)).toEqual(['extensionPending'])
    expect(listed?.reasons[0]?.text).toMatch(/^蒲河村（村\/社区）申请延期 5 天（至 \d+月\d+日 \d\d:\d\d），等待上一级审批$/)
    // Only the parent decides: not the county, not the village itself.
    expect((await refusalOf(session.host, 'escalation', COUNTY_CADRE, { action: 'decideExtension', caseId, approve: true })).code).toBe('FORBIDDEN')
    expect((await refusalOf(session.host, 'escalation', VILLAGE_CADRE, { action: 'decideExtension', caseId, approve: true })).code).toBe('FORBIDDEN')

    const decided = (await call<{ case: CaseDetail }>('escalation', TOWNSHIP_CADRE, { action: 'decideExtension', caseId, approve: true, note: '请务必按期办结' })).case
    expect(decided).toMatchObject({ resolveBy: plus(old, 5), extension: { status: 'approved', decided: { orgName: '道义街道', note: '请务必按期办结' } } })
    expect(await messagesOf(VILLAGE_CADRE, 'extension_decided', caseId)).toHaveLength(1)
    expect((await messagesOf(RESIDENT, 'case_extended', caseId)).map((m) => m.body)).toEqual([`您的反映办理期限延长到${monthDay(plus(old, 5))}。`])
    const hers = await caseAs(RESIDENT, caseId)
    expect(hers.timeline.at(-1)?.text).toBe(`办理期限延长到${monthDay(plus(old, 5))}`)
    expect(hers.timeline.map((t) => t.type)).not.toContain('ExtensionRequested')
    expect(JSON.stringify(hers)).not.toContain('测绘')
    expect((await supervised(COUNTY_CADRE, caseId))?.reasons.map((r) => r.kind)).toEqual(['extended'])

    // Past the old deadline nothing escalates; the new one is reminded of a day before, then escalates.
    await later(24 * 7 + 1)
    expect(await tick()).toMatchObject({ escalated: 0, failed: 0 })
    expect(await caseAs(RESIDENT, caseId)).toMatchObject({ level: 'village', status: 'in_progress' })
    await later(24 * 4)
    expect(await tick()).toMatchObject({ escalated: 0, reminded: 1 })
    await later(24)
    expect(await tick()).toMatchObject({ escalated: 1 })
    expect(await caseAs(RESIDENT, caseId)).toMatchObject({ level: 'township', holderOrgId: TOWNSHIP })
  })

  test('延期 refused: the deadline stays, the village hears why, she hears nothing of it', async () => {
    const caseId = await report('低保复核没消息')
    await call('escalation', VILLAGE_CADRE, { action: 'accept', caseId })
    const { resolveBy } = await caseAs(VILLAGE_CADRE, caseId)
    await call('escalation', CONVENER, { action: 'requestExtension', caseId, days: 3, reason: '材料不全' })
    const refused = (await call<{ case: CaseDetail }>('escalation', TOWNSHIP_CADRE, { action: 'decideExtension', caseId, approve: false, note: '材料可以先补' })).case
    expect(refused).toMatchObject({ resolveBy, extension: { status: 'rejected' }, can: { decideExtension: false } })
    expect((await messagesOf(CONVENER, 'extension_decided', caseId))[0]?.body).toMatch(/^道义街道（乡镇\/街道）不同意延期，请在原办结期限（.+）内办结。审批意见：材料可以先补$/)
    expect(await messagesOf(RESIDENT, 'case_extended', caseId)).toEqual([])
    expect((await caseAs(RESIDENT, caseId)).timeline.map((t) => t.type)).not.toContain('ExtensionDecided')
    expect(await refusalOf(session.host, 'escalation', TOWNSHIP_CADRE, { action: 'decideExtension', caseId, approve: true })).toMatchObject({ reason: 'NO_EXTENSION_REQUEST' })
    // Refused is not listed on 督办.
    expect(await supervised(TOWNSHIP_CADRE, caseId)).toBeUndefined()
  })
})

describe('the counters of a transferred and extended case (stats, for the scorecard)', () => {
  test('what the case is moves to the new village; what happened stays; requests and approvals count at every org', async () => {
    const deps = await demoDeps()
    try {
      const intake = intakeFunction as FunctionDef
      const escalation = escalationFunction as FunctionDef
      const { caseId } = await callAs<{ caseId: string }>(deps, intake, RESIDENT, aReport())
      await callAs(deps, escalation, VILLAGE_CADRE, { action: 'transfer', caseId, toOrgId: DAOYI_VILLAGE, reason: '选错了村' })
      expect(await deps.store.counters.get(VILLAGE)).toMatchObject({ cases: 0, 'status:pending': 0, 'arrived:village': 1 })
      expect(await deps.store.counters.get(DAOYI_VILLAGE)).toMatchObject({ cases: 1, 'status:pending': 1, 'arrived:village': 1 })
      await callAs(deps, escalation, TOWNSHIP_CADRE, { action: 'transfer', caseId, toOrgId: ZHENGLIANG, reason: '属正良社区' })
      const zl = await deps.store.counters.get(ZHENGLIANG)
      expect(zl).toMatchObject({ cases: 1, 'arrived:village': 1 })
      // 正良社区 has no cadre in the demo: the county takes the case over and asks as its holder; the city approves.
      await callAs(deps, escalation, COUNTY_CADRE, { action: 'takeOver', caseId, reason: '区里直接办' })
      await callAs(deps, escalation, COUNTY_CADRE, { action: 'requestExtension', caseId, days: 10, reason: '跨部门' })
      await callAs(deps, escalation, CITY_CADRE, { action: 'decideExtension', caseId, approve: true })
      for (const orgId of [ZHENGLIANG, TOWNSHIP, COUNTY, CITY, PROVINCE]) {
        expect([orgId, await deps.store.counters.get(orgId)]).toEqual([orgId, expect.objectContaining({ cases: 1, extensionsRequested: 1, extensionsApproved: 1 })])
      }
      for (const orgId of [TOWNSHIP, COUNTY, CITY, PROVINCE]) expect((await deps.store.counters.get(orgId))['arrived:village']).toBe(3)
    } finally {
      deps.store.close()
    }
  })
})
