/**
 * Announcements (公告: outreach.publish / feed / markSeen / retire) through the fixed HTTP surface on
 * each host: the local one on SQLite and the production path (the built outreach bundle on the
 * function runner and the CloudBase emulator, msgSecCheck included). The demo seed gives the province
 * a pinned policy and 蒲河村 an activity. Residents: 赵小红 of 蒲河村 (道义街道, 沈北新区, 沈阳市),
 * 周美玲 of 清水台村 (清水台镇, the same county) and 吴海燕 of 光明山村 (大连市). The tests run in
 * order on one host per kind.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { ADMIN, CITY, CITY_CADRE, CONVENER, COUNTY, COUNTY_CADRE, MEMBER, PROVINCE, PROVINCE_CADRE, RESIDENT, TOWNSHIP, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import type { OutreachResults } from '../../types/outreach.contract'

type Feed = OutreachResults['feed']

const ZHOU = 'demo-resident-zhou'
const WU = 'demo-resident-wu'
const SEED_POLICY = '农村妇女“两癌”免费检查开始预约'
const SEED_ACTIVITY = '周六上午村委会广场健康讲座'

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  const feed = (openid: string, body: Record<string, unknown> = {}) => dataOf<Feed>(host, 'outreach', openid, { action: 'feed', ...body })
  const publish = (openid: string, body: Record<string, unknown>) =>
    dataOf<OutreachResults['publish']>(host, 'outreach', openid, { action: 'publish', kind: 'notice', body: '请相互转告。', ...body })
  const refusal = (openid: string, body: Record<string, unknown>) => refusalOf(host, 'outreach', openid, body)
  const titles = (f: Feed) => f.items.map((i) => i.title)
  const later = () => host.post('/__dev/clock', { advanceHours: 1 })
  const auditOf = async (orgId: string) =>
    (await dataOf<{ items: { targetType: string; summary: string; action: string }[] }>(host, 'account', PROVINCE_CADRE, { action: 'audit', orgId })).items.filter(
      (i) => i.targetType === 'announcement',
    )

  test('the demo: the province’s pinned policy reaches every resident; 蒲河村’s activity only its own, all unread', async () => {
    const zhao = await feed(RESIDENT)
    expect(titles(zhao)).toEqual([SEED_POLICY, SEED_ACTIVITY])
    expect(zhao.items[0]).toMatchObject({ kind: 'policy', pinned: true, orgId: PROVINCE, orgName: '辽宁省', level: 'province', unread: true, retirable: false })
    expect(zhao.items[1]).toMatchObject({ kind: 'activity', orgId: VILLAGE, orgName: '蒲河村', level: 'village', unread: true })
    expect(zhao.unreadCount).toBe(2)
    expect(zhao.publishesAt).toEqual([])
    expect(titles(await feed(ZHOU))).toEqual([SEED_POLICY])
    expect(titles(await feed(WU))).toEqual([SEED_POLICY])
    // 首页's card: the latest few.
    expect(titles(await feed(RESIDENT, { limit: 1 }))).toEqual([SEED_POLICY])
    // Where each may publish: her own org.
    expect((await feed(CONVENER)).publishesAt).toEqual([{ orgId: VILLAGE, orgName: '蒲河村', level: 'village' }])
    expect((await feed(COUNTY_CADRE)).publishesAt).toEqual([{ orgId: COUNTY, orgName: '沈北新区', level: 'county' }])
    expect((await feed(MEMBER)).publishesAt).toEqual([])
  })

  test('each level publishes at its own org; a resident sees her own line, never another village’s or township’s', async () => {
    for (const [openid, orgId, title] of [
      [PROVINCE_CADRE, PROVINCE, '省妇联：家庭教育指导服务周'],
      [CITY_CADRE, CITY, '沈阳市妇联：巾帼志愿者招募'],
      [COUNTY_CADRE, COUNTY, '沈北新区妇联：妇女创业贷款政策解读'],
      [TOWNSHIP_CADRE, TOWNSHIP, '道义街道妇联：冬季防火安全提示'],
      [CONVENER, VILLAGE, '蒲河村议事会：周五晚议事会开会'],
    ] as const) {
      await later()
      expect((await publish(openid, { orgId, title })).announcementId).toMatch(/\S/)
    }
    expect(titles(await feed(RESIDENT))).toEqual([
      SEED_POLICY,
      '蒲河村议事会：周五晚议事会开会',
      '道义街道妇联：冬季防火安全提示',
      '沈北新区妇联：妇女创业贷款政策解读',
      '沈阳市妇联：巾帼志愿者招募',
      '省妇联：家庭教育指导服务周',
      SEED_ACTIVITY,
    ])
    // 清水台村 shares the county, the city and the province, not 道义街道 nor 蒲河村.
    expect(titles(await feed(ZHOU))).toEqual([SEED_POLICY, '沈北新区妇联：妇女创业贷款政策解读', '沈阳市妇联：巾帼志愿者招募', '省妇联：家庭教育指导服务周'])
    expect(titles(await feed(WU))).toEqual([SEED_POLICY, '省妇联：家庭教育指导服务周'])
    // A cadre reads her own line: the county's cadre, not the township below her.
    expect(titles(await feed(COUNTY_CADRE))).toEqual([SEED_POLICY, '沈北新区妇联：妇女创业贷款政策解读', '沈阳市妇联：巾帼志愿者招募', '省妇联：家庭教育指导服务周'])
    // One audit line each, at the org that published: the township's log shows its own and its village's.
    expect((await auditOf(TOWNSHIP)).map((i) => [i.action, i.summary])).toEqual([
      ['outreach.publish', '发布公告：蒲河村议事会：周五晚议事会开会'],
      ['outreach.publish', '发布公告：道义街道妇联：冬季防火安全提示'],
    ])
  })

  test('unread: what was published after she last opened the list', async () => {
    expect((await feed(RESIDENT)).unreadCount).toBe(7)
    await dataOf(host, 'outreach', RESIDENT, { action: 'markSeen' })
    const seen = await feed(RESIDENT)
    expect(seen.unreadCount).toBe(0)
    expect(seen.items.every((i) => !i.unread)).toBe(true)
    // Her mark is hers: 孙丽娜 of the same village has read nothing yet.
    expect((await feed('demo-resident-sun')).unreadCount).toBe(7)
    await later()
    await publish(CONVENER, { orgId: VILLAGE, kind: 'activity', title: '蒲河村：周日包饺子活动', pinned: true })
    const after = await feed(RESIDENT)
    expect(after.unreadCount).toBe(1)
    // Pinned ones first (newest pinned first), then the rest by date.
    expect(after.items.slice(0, 3).map((i) => [i.title, i.unread])).toEqual([
      ['蒲河村：周日包饺子活动', true],
      [SEED_POLICY, false],
      ['蒲河村议事会：周五晚议事会开会', false],
    ])
  })

  test('retire: the org’s own convener or cadres, and the admin; taken down, it is gone from every list', async () => {
    const ofVillage = (await feed(CONVENER)).items.find((i) => i.title === '蒲河村：周日包饺子活动')!
    expect(ofVillage.retirable).toBe(true)
    const city = (await feed(TOWNSHIP_CADRE)).items.find((i) => i.orgId === CITY)!
    expect(city.retirable).toBe(false)
    expect(await refusal(TOWNSHIP_CADRE, { action: 'retire', announcementId: city.id })).toMatchObject({ code: 'FORBIDDEN', message: '只能撤下本级发布的公告' })
    expect(await refusal(RESIDENT, { action: 'retire', announcementId: ofVillage.id })).toMatchObject({ code: 'FORBIDDEN' })
    // 吴海燕 cannot see 蒲河村's: as if it did not exist.
    const missing = await refusal(WU, { action: 'retire', announcementId: 'announcement_nope' })
    expect(await refusal(WU, { action: 'retire', announcementId: ofVillage.id })).toEqual(missing)
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这条公告' })

    expect(await dataOf(host, 'outreach', CONVENER, { action: 'retire', announcementId: ofVillage.id })).toEqual({ announcementId: ofVillage.id, retired: true })
    expect(await dataOf(host, 'outreach', CONVENER, { action: 'retire', announcementId: ofVillage.id })).toEqual({ announcementId: ofVillage.id, retired: false })
    expect(titles(await feed(RESIDENT))).not.toContain('蒲河村：周日包饺子活动')
    const county = (await feed(ZHOU)).items.find((i) => i.orgId === COUNTY)!
    expect(await dataOf(host, 'outreach', ADMIN, { action: 'retire', announcementId: county.id })).toEqual({ announcementId: county.id, retired: true })
    expect(titles(await feed(ZHOU))).not.toContain(county.title)
    expect((await auditOf(VILLAGE)).map((i) => i.summary)).toContain('撤下公告：蒲河村：周日包饺子活动')
  })

  test('bad input is refused in Chinese and nothing is saved; the content check refuses what it should', async () => {
    const before = titles(await feed(CONVENER))
    const add = { action: 'publish', orgId: VILLAGE, kind: 'notice', title: '通知', body: '请相互转告。' }
    expect(await refusal(CONVENER, { ...add, title: '题'.repeat(41) })).toMatchObject({ code: 'INVALID_INPUT', message: '标题不能超过 40 个字' })
    expect(await refusal(CONVENER, { ...add, body: '字'.repeat(2001) })).toMatchObject({ code: 'INVALID_INPUT', message: '正文不能超过 2000 个字' })
    expect(await refusal(CONVENER, { ...add, body: '  ' })).toMatchObject({ code: 'INVALID_INPUT', message: '请填写正文' })
    expect(await refusal(CONVENER, { ...add, kind: 'ad' })).toMatchObject({ code: 'INVALID_INPUT', message: '请选择公告类型：政策、通知或活动' })
    expect(await refusal(CONVENER, { ...add, pinned: 'yes' })).toMatchObject({ code: 'INVALID_INPUT', message: '是否置顶应为是或否' })
    expect(await refusal(CONVENER, { ...add, orgId: undefined })).toMatchObject({ code: 'INVALID_INPUT', message: '缺少组织' })
    expect(await refusal(CONVENER, { action: 'retire' })).toMatchObject({ code: 'INVALID_INPUT', message: '缺少公告' })
    expect(await refusal(CONVENER, { ...add, body: '详情请访问赌博网站' })).toMatchObject({ code: 'CONTENT_REJECTED' })
    expect(titles(await feed(CONVENER))).toEqual(before)
  })

  test('residents, members and other orgs’ staff may not publish', async () => {
    const add = { action: 'publish', kind: 'notice', title: '不该发出的通知', body: '请相互转告。' }
    expect(await refusal(RESIDENT, { ...add, orgId: VILLAGE })).toMatchObject({ code: 'FORBIDDEN', message: '公告由妇联干部和议事会主任发布' })
    expect(await refusal(MEMBER, { ...add, orgId: VILLAGE })).toMatchObject({ code: 'FORBIDDEN', message: '公告由妇联干部和议事会主任发布' })
    expect(await refusal(TOWNSHIP_CADRE, { ...add, orgId: COUNTY })).toMatchObject({ code: 'FORBIDDEN', message: '只能在本级发布公告' })
    expect(await refusal(TOWNSHIP_CADRE, { ...add, orgId: VILLAGE })).toMatchObject({ code: 'FORBIDDEN', message: '只能在本级发布公告' })
    expect(await refusal(CONVENER, { ...add, orgId: TOWNSHIP })).toMatchObject({ code: 'FORBIDDEN', message: '只能在本级发布公告' })
    expect(await refusal(ADMIN, { ...add, orgId: PROVINCE })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(CITY_CADRE, { ...add, orgId: 'no-such-org' })).toMatchObject({ code: 'NOT_FOUND', message: '没有找到该组织' })
    expect(titles(await feed(RESIDENT))).not.toContain('不该发出的通知')
  })
})
