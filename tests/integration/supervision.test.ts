/**
 * The supervising levels' work, through the fixed HTTP surface on each host (the local one on SQLite
 * and the production path: the built bundles on the function runner and the CloudBase emulator):
 * 督办 says why a case is listed; 催办 reaches the holder and shows on every view that handles the case;
 * 提级办理 pulls a case up with fresh deadlines and tells her; 临期提醒 goes once per deadline however
 * often, and however late, the sweep runs. Each story makes its own case and moves the clock as it needs.
 */
import { HOST_KINDS } from '../support/hosts'
import { useCaseStories, useSurfaceHost } from '../support/surface'
import {
  aReport,
  CITY,
  CITY_CADRE,
  CONVENER,
  COUNTY,
  COUNTY_CADRE,
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

describe.each(HOST_KINDS)('%s host', (kind) => {
  const session = useSurfaceHost(kind)
  const { call, caseAs } = session
  const { supervised, desk, messagesOf, later, now, tick, report } = useCaseStories(session)

  /** A case the village did not accept in time: the sweep has moved it to the township. */
  async function lateAtTownship(title: string) {
    const caseId = await report(title)
    await later(25)
    await tick()
    expect(await caseAs(RESIDENT, caseId)).toMatchObject({ level: 'township', holderOrgId: TOWNSHIP })
    return caseId
  }

  test('督办 says why a case is listed; 催办 reaches the holder and shows wherever the case is handled', async () => {
    const caseId = await lateAtTownship('村里垃圾没人清运')

    // The county's 督办 list says why it is there — not how long is left — and offers both moves.
    const listed = await supervised(COUNTY_CADRE, caseId)
    expect(listed).toMatchObject({
      missedDeadlines: 1,
      reasons: [{ kind: 'missed', text: '蒲河村（村/社区）超过受理期限未受理，已自动转上级' }],
      can: { urge: true, takeOver: true },
    })

    // The holder cannot urge itself; the council is not a supervising level either.
    expect((await refusalOf(session.host, 'escalation', TOWNSHIP_CADRE, { action: 'urge', caseId })).code).toBe('FORBIDDEN')
    expect((await refusalOf(session.host, 'escalation', CONVENER, { action: 'urge', caseId })).code).toBe('FORBIDDEN')

    const urged = (await call<{ case: CaseDetail }>('escalation', COUNTY_CADRE, { action: 'urge', caseId, note: '群众反映强烈，请三天内处理' })).case
    expect(urged).toMatchObject({
      level: 'township',
      holderOrgId: TOWNSHIP,
      urges: [{ orgName: '沈北新区', level: 'county', toOrgName: '道义街道', toLevel: 'township', note: '群众反映强烈，请三天内处理' }],
      can: { urge: false, takeOver: true },
    })
    // A second tap the same day is no more urgent than the first.
    expect(await refusalOf(session.host, 'escalation', COUNTY_CADRE, { action: 'urge', caseId })).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_URGED' })
    // Another supervising level may urge it too.
    await call('escalation', CITY_CADRE, { action: 'urge', caseId })

    // The township's cadre hears each, with who urged and what they said.
    expect((await messagesOf(TOWNSHIP_CADRE, 'case_urged', caseId)).map((m) => m.body).sort()).toEqual([
      '沈北新区（县/区）催办这条反映，请抓紧办理。催办意见：群众反映强烈，请三天内处理',
      '沈阳市（市）催办这条反映，请抓紧办理。',
    ].sort())
    // Her desk, the case page and the 督办 list all say it was urged, twice.
    expect((await desk(TOWNSHIP_CADRE)).find((c) => c.id === caseId)?.urges).toHaveLength(2)
    const handled = await caseAs(TOWNSHIP_CADRE, caseId)
    expect(handled.urges?.map((u) => u.orgName)).toEqual(['沈北新区', '沈阳市'])
    expect(handled.timeline.map((t) => t.text)).toContain('沈北新区（县/区）催办道义街道（乡镇/街道）：群众反映强烈，请三天内处理')
    expect((await supervised(COUNTY_CADRE, caseId))?.reasons.map((r) => [r.kind, r.text])).toEqual([
      ['missed', '蒲河村（村/社区）超过受理期限未受理，已自动转上级'],
      ['urged', '已催办 2 次，最近一次由沈阳市（市）催办道义街道（乡镇/街道）'],
    ])

    // She reads a plain line; what the cadres wrote each other is not hers.
    const hers = await caseAs(RESIDENT, caseId)
    expect(hers.urges).toBeUndefined()
    expect(hers.timeline.map((t) => t.text)).toContain('沈北新区（县/区）已督促道义街道（乡镇/街道）抓紧办理')
    expect(JSON.stringify(hers)).not.toContain('三天内')
  })

  test('提级办理 pulls the case up with fresh deadlines, tells her and the org it left; the ladder goes on from there', async () => {
    const caseId = await lateAtTownship('低保申请一直没有回音')
    expect((await refusalOf(session.host, 'escalation', COUNTY_CADRE, { action: 'takeOver', caseId, reason: ' ' })).code).toBe('INVALID_INPUT')

    const at = await now()
    const taken = (await call<{ case: CaseDetail }>('escalation', COUNTY_CADRE, { action: 'takeOver', caseId, reason: '涉及多个部门，区妇联直接办理' })).case
    expect(taken).toMatchObject({
      status: 'pending',
      level: 'county',
      holderOrgId: COUNTY,
      acceptBy: new Date(Date.parse(at) + 24 * 3_600_000).toISOString(),
      resolveBy: new Date(Date.parse(at) + 15 * 86_400_000).toISOString(),
      can: { accept: true, urge: false, takeOver: false },
    })
    expect(taken.timeline.at(-1)?.text).toBe('沈北新区（县/区）提级办理（原由道义街道（乡镇/街道）办理）：涉及多个部门，区妇联直接办理')

    // She is told, and reads it in plain words.
    expect((await messagesOf(RESIDENT, 'case_taken_over', caseId)).map((m) => m.body)).toEqual(['您的反映已由沈北新区（县/区）提级办理。'])
    expect((await caseAs(RESIDENT, caseId)).timeline.at(-1)?.text).toBe('沈北新区（县/区）已把您的反映提上来，直接办理')
    // The township is told it no longer holds it; it is off its desk and on the county's.
    expect(await messagesOf(TOWNSHIP_CADRE, 'case_pulled_up', caseId)).toHaveLength(1)
    expect((await desk(TOWNSHIP_CADRE)).map((c) => c.id)).not.toContain(caseId)
    expect((await desk(COUNTY_CADRE)).find((c) => c.id === caseId)).toMatchObject({ status: 'pending', level: 'county' })
    // The township is now below the holder: it no longer sees the case, let alone takes it back.
    expect((await refusalOf(session.host, 'escalation', TOWNSHIP_CADRE, { action: 'takeOver', caseId, reason: '我们来办' })).code).toBe('NOT_FOUND')

    // Not accepted in time at the county, it climbs on to the city.
    await later(25)
    expect(await tick()).toMatchObject({ escalated: 1, failed: 0 })
    expect(await caseAs(RESIDENT, caseId)).toMatchObject({ level: 'city', holderOrgId: CITY })
    expect((await supervised(CITY_CADRE, caseId))?.reasons.map((r) => r.kind)).toEqual(['missed', 'missed', 'takenOver'])
    expect((await supervised(CITY_CADRE, caseId))?.reasons.at(-1)?.text).toBe('沈北新区（县/区）已提级办理（原由道义街道（乡镇/街道）办理）')
  })

  test('临期提醒 goes to the holder once per deadline, however often or late the sweep runs; a new deadline gets its own', async () => {
    const caseId = await report('村口井盖丢了')
    // 24 hours to accept: reminded halfway (hour 12), not before.
    await later(11)
    expect(await tick()).toMatchObject({ reminded: 0 })
    await later(2)
    expect(await tick()).toMatchObject({ reminded: 1, failed: 0 })
    expect(await tick()).toMatchObject({ reminded: 0, skipped: 0 })
    expect(await tick()).toMatchObject({ reminded: 0 })
    for (const handler of [CONVENER, VILLAGE_CADRE]) {
      expect((await messagesOf(handler, 'deadline_near', caseId)).map((m) => m.body)).toEqual([
        '一条反映的受理期限快到了，请蒲河村（村/社区）及时受理，逾期将自动转上级。',
      ])
    }

    // The deadline passes: the case goes up (hour 25), with no second reminder for the deadline it missed.
    await later(12)
    expect(await tick()).toMatchObject({ escalated: 1, reminded: 0 })
    // The township's own deadline gets its own reminder; a sweep that comes late (past the reminder's
    // time, hour 37, before the deadline, hour 49) still sends it, once.
    await later(20) // hour 45
    expect(await tick()).toMatchObject({ reminded: 1 })
    expect(await tick()).toMatchObject({ reminded: 0 })
    expect(await messagesOf(TOWNSHIP_CADRE, 'deadline_near', caseId)).toHaveLength(1)
    expect(await messagesOf(CONVENER, 'deadline_near', caseId)).toHaveLength(1)

    // The township accepts: its resolve deadline, 10 days from its arrival (hour 25), is reminded of a
    // day before (hour 241).
    await call('escalation', TOWNSHIP_CADRE, { action: 'accept', caseId })
    await later(24 * 8) // hour 237
    expect(await tick()).toMatchObject({ reminded: 0 })
    await later(6) // hour 243
    expect(await tick()).toMatchObject({ reminded: 1 })
    const township = await messagesOf(TOWNSHIP_CADRE, 'deadline_near', caseId)
    expect(township.map((m) => m.body)).toContain('一条反映的办结期限快到了，请道义街道（乡镇/街道）抓紧办理，逾期将自动转上级。')

    // Those handling it see each reminder on the timeline; her timeline has none.
    expect((await caseAs(TOWNSHIP_CADRE, caseId)).timeline.map((t) => t.text)).toContain('已提醒道义街道（乡镇/街道）：办结期限快到了')
    expect((await caseAs(RESIDENT, caseId)).timeline.map((t) => t.type)).not.toContain('DeadlineReminded')
  })
})

describe('the urge count (stats counters, for the scorecard)', () => {
  test('each urge counts once at every org on the case’s chain, by the level of the holder it urged', async () => {
    const deps = await demoDeps()
    try {
      const intake = intakeFunction as FunctionDef
      const escalation = escalationFunction as FunctionDef
      const { caseId } = await callAs<{ caseId: string }>(deps, intake, RESIDENT, aReport())
      await callAs(deps, escalation, TOWNSHIP_CADRE, { action: 'urge', caseId })
      await callAs(deps, escalation, CITY_CADRE, { action: 'urge', caseId, note: '请抓紧' })
      for (const orgId of [VILLAGE, TOWNSHIP, COUNTY, CITY, PROVINCE]) {
        expect([orgId, await deps.store.counters.get(orgId)]).toEqual([orgId, expect.objectContaining({ urged: 2, 'urged:village': 2 })])
      }
    } finally {
      deps.store.close()
    }
  })
})
