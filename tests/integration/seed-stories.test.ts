/**
 * The demo's four stories (cloudfunctions/_local/seed/demo-stories.ts), read back on each host — the
 * local one on SQLite and the production path (the built bundles on the function runner and the
 * CloudBase emulator) — as the people in them see them after the first start: what each is answered,
 * never a store. The stories are written through the same surface when the host starts with its demo
 * cases, so a story that no longer works stops the start and fails here.
 */
import { HOST_KINDS, useHost } from '../support/hosts'
import { CITY_CADRE, COUNTY_CADRE } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import { BALIYING, BINHEWAN, HELONG, XIAONAN } from '../../cloudfunctions/_local/seed/demo-story-people'
import type { CaseDetail } from '../../types/case.contract'
import type { DeliberationResults } from '../../types/deliberation.contract'
import type { EscalationResults } from '../../types/escalation.contract'
import type { IntakeResults } from '../../types/intake.contract'
import type { NotifyResults } from '../../types/notify.contract'
import type { OutreachResults } from '../../types/outreach.contract'

/** What a redacted view shows instead of the private text (cloudfunctions/_shared/domain/case.view.ts). */
const PRIVATE_TITLE = '涉及个人隐私的反映'

describe.each(HOST_KINDS)('%s host', (kind) => {
  const host = useHost(kind, { demoCases: true })
  const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host(), fn, openid, body)
  const get = async (openid: string, caseId: string) => (await call<{ case: CaseDetail }>('intake', openid, { action: 'get', caseId })).case
  const hers = async (openid: string) => (await call<IntakeResults['mine']>('intake', openid, { action: 'mine' })).items
  const lines = (c: CaseDetail) => c.timeline.map((t) => t.text)
  const messages = async (openid: string) => (await call<NotifyResults['inbox']>('notify', openid, { action: 'inbox' })).items
  const deliberations = async (openid: string, orgId: string) =>
    (await call<DeliberationResults['list']>('deliberation', openid, { action: 'list', orgId })).items

  test('八里营村’s dark road: five neighbours said 我也遇到, the council voted to ask for help, and 沈阳市 brought in the power company with a plan', async () => {
    const [road] = await hers(BALIYING.reporter)
    expect(road).toMatchObject({ title: '村西到县道那段路没有路灯', status: 'in_progress', level: 'city', holderOrgName: '沈阳市' })
    const id = road!.id
    // Each neighbour follows it in 我的反映 (我也反映), told its progress as the reporter is.
    for (const neighbour of BALIYING.neighbours) {
      const { following } = await call<IntakeResults['mine']>('intake', neighbour, { action: 'mine' })
      expect(following.map((c) => [c.id, c.supporting])).toEqual([[id, true]])
    }

    // The city's cadre reads it whole: how many share it, the department, the plan.
    const atCity = await get(CITY_CADRE, id)
    expect(atCity.supporters).toBe(BALIYING.neighbours.length)
    expect(atCity.assignment).toMatchObject({ department: '国网沈阳供电公司', answered: false })
    expect(atCity.tasks?.map((t) => [t.title, t.status, t.assignee.name])).toEqual([
      ['陪同供电公司现场勘测线路', 'open', '张秀英'],
      ['组织妇女结伴夜归', 'open', '田桂兰'],
    ])
    expect(atCity.can).toMatchObject({ resolve: true, planTask: true })
    const queue = await call<EscalationResults['inbox']>('escalation', CITY_CADRE, { action: 'inbox' })
    expect(queue.items.map((c) => c.id)).toContain(id)

    // Her timeline tells each step, from her village up to the city.
    expect(lines(await get(BALIYING.reporter, id))).toEqual([
      '反映已提交，由八里营村（村/社区）议事会受理',
      ...BALIYING.neighbours.map(() => '又有 1 位群众也遇到了这个问题'),
      '八里营村（村/社区）已受理',
      '八里营村（村/社区）议事会就“村西路段没有路灯怎么办”表决通过：请镇妇联向上协调供电部门架设路灯（4 名成员中 4 人投票）',
      '八里营村（村/社区）已请清水台镇（乡镇/街道）帮助办理',
      '清水台镇（乡镇/街道）已受理',
      '清水台镇（乡镇/街道）已请沈北新区（县/区）帮助办理',
      '沈北新区（县/区）已受理',
      '沈北新区（县/区）已请沈阳市（市）帮助办理',
      '沈阳市（市）已受理',
      '沈阳市（市）已请国网沈阳供电公司协助办理',
      '已安排志愿者陪同供电公司现场勘测线路',
      '已安排专人组织妇女结伴夜归',
    ])

    // The council's deliberation is closed and passed, 3 of 4 for asking for help.
    const [vote] = await deliberations(BALIYING.convener, BALIYING.village)
    expect(vote).toMatchObject({ caseId: id, status: 'closed', result: { kind: 'passed' } })
    // The village's convener was told of the task the city gave her.
    expect((await messages(BALIYING.convener)).find((m) => m.kind === 'task_assigned')?.body).toContain('组织妇女结伴夜归')
    // Passed up past her, the county's cadre no longer sees it (she does not supervise the city).
    expect(await refusalOf(host(), 'intake', COUNTY_CADRE, { action: 'get', caseId: id })).toMatchObject({ code: 'NOT_FOUND' })
  })

  test('滨河湾社区’s blind couple: a member reported for them, volunteers did each task, solved in the community', async () => {
    const [filed] = await hers(BINHEWAN.member)
    expect(filed).toMatchObject({ title: '盲人夫妇办残疾证和低保没人帮', status: 'resolved', level: 'village', holderOrgName: '滨河湾社区' })
    const theCase = await get(BINHEWAN.convener, filed!.id)
    expect(theCase.filedOnBehalf).toBe(true)
    expect(theCase.tasks?.map((t) => [t.title, t.status, t.assignee.name])).toEqual([
      ['陪同去区残联办理残疾证', 'done', '张立新'],
      ['上门帮助填写低保申请', 'done', '孟凡英'],
      ['每周上门打扫、送菜', 'done', '王春华'],
    ])
    expect(theCase.outcome).toMatchObject({ outcome: 'solved', level: 'village', orgName: '滨河湾社区' })
    // It never left the community.
    expect(lines(theCase).some((line) => line.includes('帮助办理'))).toBe(false)
  })

  test('合隆村’s council adopted its 家风家训 pledge, and 合隆满族乡’s survey counts its residents’ answers', async () => {
    const [pledge] = await deliberations(HELONG.members[0], HELONG.village)
    expect(pledge).toMatchObject({ title: '制定合隆村家风家训公约', status: 'closed', result: { kind: 'passed' } })
    expect(pledge?.caseId).toBeUndefined()
    const detail = (await call<DeliberationResults['get']>('deliberation', HELONG.members[0], { action: 'get', deliberationId: pledge!.id })).deliberation
    expect(detail.counts).toEqual([2, 1])

    const { items } = await call<OutreachResults['surveys']>('outreach', HELONG.residents[0], { action: 'surveys' })
    const survey = items.find((s) => s.title === '家风家训征集调研')
    expect(survey).toMatchObject({ orgName: '合隆满族乡', status: 'open', answered: true })
    const results = await call<OutreachResults['surveyResults']>('outreach', HELONG.townshipCadre, { action: 'surveyResults', surveyId: survey!.id })
    expect(results.respondents).toBe(2)
    expect(results.questions.map((q) => q.options.map((o) => o.count))).toEqual([[2, 1, 1, 0], [1, 0, 1], []])
    expect(results.children).toEqual([expect.objectContaining({ orgName: '合隆村', respondents: 2 })])
    expect(results.free?.items.map((f) => f.text).sort()).toEqual(['百善孝为先', '邻里和睦，家和万事兴'])
  })

  test('小晴: the help plan raised the money and the counselling is still to come; only those handling it read it', async () => {
    const [appeal] = await hers(XIAONAN.reporter)
    const id = appeal!.id
    const atConvener = await get(XIAONAN.convener, id)
    expect(atConvener).toMatchObject({ title: '女儿小晴做手术缺钱', status: 'in_progress', redacted: false })
    expect(atConvener.tasks?.map((t) => [t.title, t.status, t.note ?? null])).toEqual([
      ['发起爱心募捐', 'done', '村妇联和爱心企业共筹得善款 8.6 万元，已交医院'],
      ['协助申请医疗救助', 'done', '大病救助已批，手术已顺利完成'],
      ['为孩子做术后心理疏导', 'open', null],
    ])
    // An ordinary council member sees that it exists, not what it says or who asked.
    const atMember = await get(XIAONAN.member, id)
    expect(atMember).toMatchObject({ title: PRIVATE_TITLE, redacted: true })
    expect(JSON.stringify(atMember)).not.toMatch(/小晴|心脏病|于海霞|13700001111|募捐/)
    // Her mother reads plain progress, nothing a shoulder-surfer could read off it.
    expect(lines(await get(XIAONAN.reporter, id))).toEqual([
      '反映已提交，由小南村（村/社区）议事会受理',
      '小南村（村/社区）已受理',
      '已安排专人帮助您',
      '已安排专人帮助您',
      '已安排专人帮助您',
      '一项帮扶已完成',
      '一项帮扶已完成',
    ])
    // Never offered to a neighbour as 我也遇到, and a neighbour cannot open it.
    const offered = await call<IntakeResults['similar']>('intake', HELONG.residents[0], { action: 'similar', villageId: XIAONAN.village, category: 'personal' })
    expect(offered.items).toEqual([])
    expect(await refusalOf(host(), 'intake', HELONG.residents[0], { action: 'get', caseId: id })).toMatchObject({ code: 'NOT_FOUND' })
    // Nor can the convener close the case without saying what became of the counselling.
    expect(
      await refusalOf(host(), 'escalation', XIAONAN.convener, { action: 'resolve', caseId: id, outcome: 'solved', resolution: '手术顺利，孩子已出院。' }),
    ).toMatchObject({ code: 'CONFLICT' })
  })
})
