/**
 * The deliberation's card in the council's group (动态消息: deliberation.shareCard, the card following
 * each ballot and the close, deliberation.remindVoters) through the fixed HTTP surface on each host:
 * the local one (its card record: LocalShareCards) and the production path (the built deliberation
 * bundle on the function runner, WeChat's updatableMessage APIs on the CloudBase emulator, whose
 * record GET /__dev/cards lists). The demo council of 蒲河村: convener 王秀兰 (also a member) and five
 * members, six on the roll. The tests run in order on one host per kind.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { CONVENER, MEMBER, RESIDENT, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import type { DeliberationResults, ShareCardView } from '../../types/deliberation.contract'

const ZHANG = 'demo-member-zhang'
const LIU = 'demo-member-liu'
const COUNCIL = [CONVENER, MEMBER, ZHANG, LIU, 'demo-member-chen', 'demo-member-yang']

jest.setTimeout(180_000)

interface Card {
  activityId: string
  expiresAt: string
  targetState: number
  parameters: Record<string, string>
  updates: { targetState: number; parameters: Record<string, string> }[]
}

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  let deliberationId: string
  let shared: ShareCardView
  /** The convener opens one at 蒲河村, closing `hours` from the host's now. */
  const openOne = async (title: string, background: string, options: string[], hours: number) => {
    const { now } = await host.get<{ now: string }>('/__dev/clock')
    const closesAt = new Date(Date.parse(now) + hours * 3_600_000).toISOString()
    const opened = await dataOf<DeliberationResults['open']>(host, 'deliberation', CONVENER, { action: 'open', orgId: VILLAGE, title, background, options, closesAt })
    return opened.deliberationId
  }
  beforeAll(async () => {
    host = await startHost(kind)
    deliberationId = await openOne('村口路灯由谁出资维修', '村口到小学的路灯坏了三个月，供电所说线路归村里管。', ['村集体出资', '申请镇里专项资金'], 72)
  })
  afterAll(() => host.destroy())

  const act = <T>(openid: string, body: Record<string, unknown>) => dataOf<T>(host, 'deliberation', openid, { deliberationId, ...body })
  const refusal = (openid: string, body: Record<string, unknown>) => refusalOf(host, 'deliberation', openid, { deliberationId, ...body })
  const cards = () => host.get<Card[]>('/__dev/cards')
  const cardOf = async (activityId: string) => (await cards()).find((c) => c.activityId === activityId)
  const later = (hours: number) => host.post('/__dev/clock', { advanceHours: hours })
  const reminders = async (openid: string) =>
    (await dataOf<{ items: { kind: string; page: string }[] }>(host, 'notify', openid, { action: 'inbox' })).items.filter(
      (m) => m.kind === 'deliberation_reminder' && m.page.endsWith(`id=${deliberationId}`),
    ).length

  test('sharing: a member gets the card’s activity id, made once; the same id for the next share', async () => {
    shared = await act<ShareCardView>(MEMBER, { action: 'shareCard' })
    expect(shared).toMatchObject({
      activityId: expect.any(String),
      templateInfo: { templateId: '21B034D08C5615B9889CE362BB957B1EE69A584B', parameterList: [{ name: 'member_count', value: '0' }, { name: 'room_limit', value: '6' }] },
      card: { phase: 'open', ballots: 0, members: 6, label: '0人已参与' },
    })
    const { now } = (await host.get<{ now: string }>('/__dev/clock'))
    expect(Date.parse(shared.expiresAt) - Date.parse(now)).toBe(24 * 3_600_000)
    expect(await cardOf(shared.activityId)).toMatchObject({ targetState: 0, updates: [] })
    expect((await act<ShareCardView>(CONVENER, { action: 'shareCard' })).activityId).toBe(shared.activityId)
    expect(await cards()).toHaveLength(1)
  })

  test('who may share: the council; not a cadre above it, not a resident', async () => {
    expect(await refusal(TOWNSHIP_CADRE, { action: 'shareCard' })).toMatchObject({ code: 'FORBIDDEN', message: '只有本议事会成员可以把议事分享到群里' })
    expect(await refusal(RESIDENT, { action: 'shareCard' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(MEMBER, { action: 'shareCard', deliberationId: 'dlb_nope' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await refusal(MEMBER, { action: 'shareCard', deliberationId: 7 })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test('each ballot moves the card in WeChat’s record: 成员正在加入，当前 X/6 人', async () => {
    await act(MEMBER, { action: 'vote', choices: [0] })
    await act(ZHANG, { action: 'vote', choices: [1] })
    // A changed ballot is still one voter; the same ballot again changes nothing and sends nothing.
    await act(ZHANG, { action: 'vote', choices: [0] })
    await act(ZHANG, { action: 'vote', choices: [0] })
    const card = (await cardOf(shared.activityId))!
    expect(card.updates.map((u) => u.parameters)).toEqual([
      { member_count: '1', room_limit: '6' },
      { member_count: '2', room_limit: '6' },
      { member_count: '2', room_limit: '6' },
    ])
    expect(card).toMatchObject({ targetState: 0, parameters: { member_count: '2', room_limit: '6' } })
  })

  test('提醒未投票的成员: the convener’s tap reaches the three others who have not voted, once; again within six hours is refused', async () => {
    expect(await refusal(MEMBER, { action: 'remindVoters' })).toMatchObject({ code: 'FORBIDDEN', message: '只有议事会主任或妇联干部可以提醒未投票的成员' })
    const reminded = await act<DeliberationResults['remindVoters']>(CONVENER, { action: 'remindVoters' })
    expect(reminded).toMatchObject({
      reminded: 3,
      chatTool: { title: '村口路灯由谁出资维修', entrancePath: `council/pages/deliberation/index?id=${deliberationId}`, type: 'participate' },
    })
    for (const openid of COUNCIL) expect([openid, await reminders(openid)]).toEqual([openid, [CONVENER, MEMBER, ZHANG].includes(openid) ? 0 : 1])
    expect(await refusal(CONVENER, { action: 'remindVoters' })).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REMINDED' })
    const detail = await act<DeliberationResults['get']>(CONVENER, { action: 'get' })
    expect(detail.deliberation).toMatchObject({ can: { remind: true, share: true }, remindAgainAt: reminded.nextAt })
    await later(6)
    await act(LIU, { action: 'vote', choices: [0] })
    expect((await act<DeliberationResults['remindVoters']>(CONVENER, { action: 'remindVoters' })).reminded).toBe(2)
    expect(await reminders(LIU)).toBe(1)
    expect(await reminders('demo-member-chen')).toBe(2)
  })

  test('the close ends the card (已结束, final); a share after it is refused; ballots no longer move it', async () => {
    await act(CONVENER, { action: 'close' })
    const card = (await cardOf(shared.activityId))!
    expect(card.targetState).toBe(2)
    expect(card.updates.at(-1)).toEqual(expect.objectContaining({ targetState: 2 }))
    expect(await refusal(MEMBER, { action: 'shareCard' })).toMatchObject({ code: 'CONFLICT', reason: 'DELIBERATION_CLOSED' })
    expect(await refusal(CONVENER, { action: 'remindVoters' })).toMatchObject({ code: 'CONFLICT', reason: 'DELIBERATION_CLOSED' })
    expect((await cardOf(shared.activityId))!.updates).toHaveLength(card.updates.length)
  })

  test('at the deadline the close job ends a shared card too; a card past its 24 hours is renewed on the next share', async () => {
    const second = await openOne('重阳节敬老活动怎么办', '今年重阳节想为村里老人办一次活动。', ['集中聚餐', '上门慰问'], 47)
    const first = await dataOf<ShareCardView>(host, 'deliberation', MEMBER, { action: 'shareCard', deliberationId: second })
    await later(24)
    const renewed = await dataOf<ShareCardView>(host, 'deliberation', MEMBER, { action: 'shareCard', deliberationId: second })
    expect(renewed.activityId).not.toBe(first.activityId)
    // 即将截止 from the reminder instant (halfway here: never in a short deliberation's first half): the
    // tick reminds, the card keeps its counts.
    expect(renewed.card).toMatchObject({ phase: 'closing', label: '即将截止 · 0人已参与' })
    await host.post('/__dev/tick', {})
    expect((await cardOf(renewed.activityId))!.updates.at(-1)).toMatchObject({ targetState: 0, parameters: { member_count: '0', room_limit: '6' } })
    await later(23)
    await host.post('/__dev/tick', {})
    expect((await cardOf(renewed.activityId))!.targetState).toBe(2)
    // The first card ran out: WeChat shows 已结束 by itself, no update was attempted.
    expect((await cardOf(first.activityId))!.updates).toEqual([])
  })
})
