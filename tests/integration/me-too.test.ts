/**
 * 我也遇到 and 合并办理 (intake.similar / meToo, escalation.merge) through the fixed HTTP surface on each
 * host: the local one on SQLite and the production path (the built bundles on the function runner and
 * the CloudBase emulator). 赵小红 reports a broken streetlight at 蒲河村; 孙丽娜 of the same village is
 * offered it while she reports and follows it; the convener sees how many follow it, and merges 李
 * (a council member reporting as herself)'s duplicate into it. The tests run in order on one host per kind.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { CONVENER, MEMBER, OTHER_RESIDENT, RESIDENT, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import { caseNumber, type CaseDetail, type CaseSummary } from '../../types/case.contract'
import type { IntakeResults } from '../../types/intake.contract'
import type { NotifyResults } from '../../types/notify.contract'
import type { StatsTrend } from '../../types/stats.contract'

const SUN = OTHER_RESIDENT

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  let n = 0
  const report = async (openid: string, fields: Record<string, unknown> = {}) =>
    (
      await dataOf<IntakeResults['submit']>(host, 'intake', openid, {
        action: 'submit',
        clientRequestId: `metoo-${kind}-${++n}`,
        kind: 'problem',
        category: 'governance',
        title: '村口路灯坏了',
        content: '村口到小学的路灯坏了半个月，晚上接孩子很黑。',
        villageId: VILLAGE,
        anonymous: false,
        ...fields,
      })
    ).caseId
  const similar = (openid: string, category = 'governance') => dataOf<IntakeResults['similar']>(host, 'intake', openid, { action: 'similar', villageId: VILLAGE, category })
  const meToo = (openid: string, caseId: string) => dataOf<IntakeResults['meToo']>(host, 'intake', openid, { action: 'meToo', caseId })
  const get = async (openid: string, caseId: string) => (await dataOf<{ case: CaseDetail }>(host, 'intake', openid, { action: 'get', caseId })).case
  const mine = (openid: string) => dataOf<IntakeResults['mine']>(host, 'intake', openid, { action: 'mine' })
  const messages = async (openid: string, kind: string) =>
    (await dataOf<NotifyResults['inbox']>(host, 'notify', openid, { action: 'inbox' })).items.filter((m) => m.kind === kind)
  const later = () => host.post('/__dev/clock', { advanceHours: 1 })

  const ids: Record<'light' | 'anonymous' | 'sensitive' | 'duplicate', string> = { light: '', anonymous: '', sensitive: '', duplicate: '' }

  test('本村已有类似反映: her village’s open cases of that category anyone may follow — never an anonymous or sensitive one', async () => {
    ids.light = await report(RESIDENT)
    await later()
    ids.anonymous = await report(RESIDENT, { title: '有人深夜在村口喝酒闹事', anonymous: true })
    ids.sensitive = await report(RESIDENT, { category: 'marriage_family', title: '家里的事想请妇联帮忙' })
    const offered = await similar(SUN)
    expect(offered.items).toEqual([
      {
        id: ids.light,
        number: caseNumber(ids.light),
        kind: 'problem',
        category: 'governance',
        title: '村口路灯坏了',
        status: 'pending',
        holderOrgName: '蒲河村',
        daysOpen: 0,
        supporters: 0,
        mine: false,
        following: false,
      },
    ])
    // No content, no photo, nobody's name.
    expect(JSON.stringify(offered)).not.toMatch(/接孩子|赵小红|demo-resident-zhao/)
    // Hers are marked; another category offers nothing; the sensitive category never does.
    expect((await similar(RESIDENT)).items.map((i) => [i.id, i.mine])).toEqual([[ids.light, true]])
    expect((await similar(SUN, 'labor_social')).items).toEqual([])
    expect((await similar(SUN, 'marriage_family')).items).toEqual([])
  })

  test('我也遇到: she follows it once; the count rises; not her own, never an anonymous or sensitive case (not found, as a missing one)', async () => {
    expect(await meToo(SUN, ids.light)).toEqual({ caseId: ids.light, supporters: 1, added: true })
    expect(await meToo(SUN, ids.light)).toEqual({ caseId: ids.light, supporters: 1, added: false })
    expect((await similar(SUN)).items[0]).toMatchObject({ supporters: 1, following: true })
    expect(await refusalOf(host, 'intake', RESIDENT, { action: 'meToo', caseId: ids.light })).toMatchObject({ code: 'CONFLICT' })
    const missing = await refusalOf(host, 'intake', SUN, { action: 'meToo', caseId: 'case_metoo_missing' })
    expect(missing.code).toBe('NOT_FOUND')
    for (const caseId of [ids.anonymous, ids.sensitive]) {
      expect(await refusalOf(host, 'intake', SUN, { action: 'meToo', caseId })).toEqual(missing)
    }
    expect(await refusalOf(host, 'intake', SUN, { action: 'meToo' })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test('我的反映 lists it under 我也反映; she reads it as a follower: its title and progress, not the reporter’s words, nothing to do', async () => {
    const { items, following } = await mine(SUN)
    expect(items).toEqual([])
    expect(following.map((c: CaseSummary) => [c.id, c.title, c.supporting])).toEqual([[ids.light, '村口路灯坏了', true]])
    const seen = await get(SUN, ids.light)
    expect(seen).toMatchObject({ supporting: true, mine: false, title: '村口路灯坏了', photos: [] })
    expect(seen.content).not.toContain('接孩子')
    expect(Object.values(seen.can).every((can) => can === false)).toBe(true)
    expect(seen.phone).toBeUndefined()
    expect(seen.timeline.map((t) => t.text)).toEqual(['反映已提交，由蒲河村（村/社区）议事会受理', '又有 1 位群众也遇到了这个问题'])
    // Not a follower of the others: not found for her.
    expect((await refusalOf(host, 'intake', SUN, { action: 'get', caseId: ids.anonymous })).code).toBe('NOT_FOUND')
  })

  test('the holder sees how many follow it, never who; the progress the reporter hears reaches the follower in her words', async () => {
    const held = await get(CONVENER, ids.light)
    expect(held.supporters).toBe(1)
    const inbox = await dataOf<{ items: CaseSummary[] }>(host, 'escalation', CONVENER, { action: 'inbox' })
    expect(inbox.items.find((c) => c.id === ids.light)?.supporters).toBe(1)
    expect(JSON.stringify(held)).not.toContain(SUN)
    await later()
    await dataOf(host, 'escalation', CONVENER, { action: 'accept', caseId: ids.light })
    expect((await messages(RESIDENT, 'case_accepted')).map((m) => m.body)).toEqual(['蒲河村（村/社区）已受理您的反映，正在办理。'])
    expect((await messages(SUN, 'case_accepted')).map((m) => m.body)).toEqual(['蒲河村（村/社区）已受理您也反映的问题，正在办理。'])
    // The log says a resident did, never who.
    const audit = await dataOf<{ items: { summary: string; actor: string }[] }>(host, 'account', TOWNSHIP_CADRE, { action: 'audit', orgId: VILLAGE })
    expect(audit.items.some((i) => i.summary === '群众点了“我也遇到”')).toBe(true)
    expect(JSON.stringify(audit)).not.toMatch(/demo-resident-sun|孙丽娜/)
  })

  test('合并办理: the duplicate closes with its pointer; its reporter follows the case and is told; the statistics count it once', async () => {
    const month = '2026-11'
    const trend = async () => (await dataOf<StatsTrend>(host, 'stats', TOWNSHIP_CADRE, { action: 'trend', orgId: VILLAGE, from: month, to: month })).total.submitted
    ids.duplicate = await report(MEMBER, { title: '路灯不亮' })
    const before = await trend()
    // Who may: the holder; into what: an open, public case it holds, not itself.
    expect((await refusalOf(host, 'escalation', MEMBER, { action: 'merge', caseId: ids.duplicate, intoCaseId: ids.light })).code).toBe('FORBIDDEN')
    for (const intoCaseId of [ids.anonymous, ids.sensitive, ids.duplicate]) {
      expect((await refusalOf(host, 'escalation', CONVENER, { action: 'merge', caseId: ids.duplicate, intoCaseId })).code).toBe('INVALID_INPUT')
    }
    expect((await refusalOf(host, 'escalation', CONVENER, { action: 'merge', caseId: ids.duplicate, intoCaseId: 'case_metoo_missing' })).code).toBe('NOT_FOUND')

    await later()
    const merged = (await dataOf<{ case: CaseDetail }>(host, 'escalation', CONVENER, { action: 'merge', caseId: ids.duplicate, intoCaseId: ids.light })).case
    expect(merged).toMatchObject({ status: 'closed', mergedInto: { id: ids.light, number: caseNumber(ids.light) } })
    expect((await get(CONVENER, ids.light)).supporters).toBe(2)
    // Her own case says where it went; she follows the other one now, and hears its progress.
    expect((await messages(MEMBER, 'case_merged')).map((m) => m.body)).toEqual([`您的反映已与 #${caseNumber(ids.light)} 合并办理，办理进展会继续告诉您。`])
    const hers = await get(MEMBER, ids.duplicate)
    expect(hers.mergedInto).toEqual({ id: ids.light, number: caseNumber(ids.light) })
    expect(hers.timeline.at(-1)?.text).toBe(`您的反映已与 #${caseNumber(ids.light)} 合并办理`)
    const list = await mine(MEMBER)
    expect(list.items.map((c) => [c.id, c.status, c.mergedInto?.number])).toEqual([[ids.duplicate, 'closed', caseNumber(ids.light)]])
    expect(list.following.map((c) => c.id)).toEqual([ids.light])
    expect(await trend()).toBe(before - 1)
    // A closed case merges no more.
    expect((await refusalOf(host, 'escalation', CONVENER, { action: 'merge', caseId: ids.duplicate, intoCaseId: ids.light })).code).toBe('CONFLICT')

    await later()
    await dataOf(host, 'escalation', CONVENER, { action: 'resolve', caseId: ids.light, outcome: 'solved', resolution: '已联系供电所更换路灯。' })
    expect((await messages(MEMBER, 'case_resolved')).map((m) => [m.title, m.body])).toEqual([['您也反映的问题已办结', '办理结果：已解决。可以在“我的反映”里查看。']])
    expect((await messages(SUN, 'case_resolved'))).toHaveLength(1)
    expect((await get(SUN, ids.light)).can.rate).toBe(false)
    expect((await get(RESIDENT, ids.light)).can.rate).toBe(true)
  })
})
