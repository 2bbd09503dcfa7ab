/**
 * Standard answers (知识库: account.kbList / kbSave / kbRetire) through the fixed HTTP surface on each
 * host: the local one on SQLite and the production path (the built bundles on the function runner and
 * the CloudBase emulator, msgSecCheck included). The demo seed gives the province three answers. A
 * cadre of 大连市 is brought in by invitation, as a real one would be. The tests run in order on one
 * host per kind.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { ADMIN, CITY, CITY_CADRE, CONVENER, COUNTY_CADRE, MEMBER, PROVINCE, PROVINCE_CADRE, RESIDENT, TOWNSHIP_CADRE, VILLAGE_CADRE } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import type { AccountResults, KnowledgeAnswer } from '../../types/account.contract'
import type { StatsRanking } from '../../types/stats.contract'

type List = AccountResults['kbList']

const DALIAN = '210200'
const DALIAN_CADRE = 'kb-cadre-dalian'

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
    const { code } = await dataOf<{ code: string }>(host, 'account', PROVINCE_CADRE, { action: 'invite', role: 'cadre', orgId: DALIAN })
    await dataOf(host, 'account', DALIAN_CADRE, { action: 'redeem', code })
  })
  afterAll(() => host.destroy())

  const list = (openid: string, body: Record<string, unknown> = {}) => dataOf<List>(host, 'account', openid, { action: 'kbList', ...body })
  const save = (openid: string, body: Record<string, unknown>) => dataOf<{ answer: KnowledgeAnswer }>(host, 'account', openid, { action: 'kbSave', ...body })
  const retire = (openid: string, id: string) => dataOf<{ answer: KnowledgeAnswer }>(host, 'account', openid, { action: 'kbRetire', id })
  const refusal = (openid: string, body: Record<string, unknown>) => refusalOf(host, 'account', openid, body)
  const titles = (l: List) => l.items.map((i) => i.title)
  const auditOf = async (orgId: string) =>
    (await dataOf<AccountResults['audit']>(host, 'account', PROVINCE_CADRE, { action: 'audit', orgId })).items.filter((i) => i.targetType === 'answer')
  /** 沈阳市's 知识库更新数 for a month, as the province's cadre reads it on her scorecard of the cities. */
  const kbUpdatesOn = async (month: string): Promise<number | undefined> =>
    (await dataOf<StatsRanking>(host, 'stats', PROVINCE_CADRE, { action: 'ranking', orgId: PROVINCE, month })).items.find((i) => i.orgId === CITY)?.kbUpdates
  let shenyang: KnowledgeAnswer

  test('the province’s demo answers reach whoever resolves cases below it, by category', async () => {
    for (const openid of [CONVENER, VILLAGE_CADRE, TOWNSHIP_CADRE, COUNTY_CADRE, CITY_CADRE, PROVINCE_CADRE, ADMIN, DALIAN_CADRE]) {
      expect(titles(await list(openid))).toEqual(['社会治理建议采纳答复', '家庭纠纷调解答复', '拖欠工资维权指引'])
    }
    const marriage = await list(CONVENER, { category: 'marriage_family' })
    expect(marriage.items).toEqual([
      expect.objectContaining({ category: 'marriage_family', title: '家庭纠纷调解答复', orgId: PROVINCE, orgName: '辽宁省', level: 'province', retired: false, editable: false }),
    ])
    expect(marriage.items[0]!.body).toContain('12338')
    // Where each one's 新增 goes: a city's or the province's cadre, her org; anyone below, nowhere.
    expect((await list(CITY_CADRE)).addsAt).toEqual({ orgId: CITY, orgName: '沈阳市', level: 'city' })
    expect((await list(PROVINCE_CADRE)).addsAt).toEqual({ orgId: PROVINCE, orgName: '辽宁省', level: 'province' })
    expect((await list(COUNTY_CADRE)).addsAt).toBeNull()
    expect((await list(PROVINCE_CADRE)).items.every((i) => i.editable)).toBe(true)
  })

  test('residents and council members are refused: the answers are for those who resolve cases', async () => {
    for (const openid of [RESIDENT, MEMBER]) {
      expect(await refusal(openid, { action: 'kbList' })).toMatchObject({ code: 'FORBIDDEN', message: '标准答复供议事会主任和妇联干部办结时参考' })
    }
  })

  test('a city’s cadre adds one: her city’s line sees it first in its category, another city never', async () => {
    ;({ answer: shenyang } = await save(CITY_CADRE, { category: 'marriage_family', title: '  彩礼纠纷调解答复 ', body: '已会同村调解委员会组织双方协商，按当地移风易俗规定退还部分彩礼。' }))
    expect(shenyang).toMatchObject({ title: '彩礼纠纷调解答复', orgId: CITY, orgName: '沈阳市', level: 'city', retired: false, editable: true })
    for (const openid of [CONVENER, TOWNSHIP_CADRE, CITY_CADRE]) {
      expect(titles(await list(openid, { category: 'marriage_family' }))).toEqual(['彩礼纠纷调解答复', '家庭纠纷调解答复'])
    }
    // 大连市 and the province do not start from 沈阳市's practice; the admin can look it up.
    for (const openid of [DALIAN_CADRE, PROVINCE_CADRE]) expect(titles(await list(openid, { category: 'marriage_family' }))).toEqual(['家庭纠纷调解答复'])
    expect(await refusal(DALIAN_CADRE, { action: 'kbList', orgId: CITY })).toMatchObject({ code: 'FORBIDDEN', message: '只能查看本市和省妇联的标准答复' })
    expect(await list(ADMIN, { orgId: CITY })).toMatchObject({ items: [{ title: '彩礼纠纷调解答复', editable: true }], addsAt: { orgId: CITY, orgName: '沈阳市' } })
    // Looking at an org she does not keep, 新增 goes nowhere from that list.
    expect((await list(CITY_CADRE, { orgId: PROVINCE })).addsAt).toBeNull()
    // Counted for the month (China time) at the city: 沈阳市's line of the province's scorecard.
    expect(await kbUpdatesOn('2026-11')).toBe(1)
  })

  test('she edits it: the same id, a later updatedAt, counted in the month it happened in China', async () => {
    // 15 hours on: 00:00 on 1 December in China, still 30 November in UTC (the functions' zone).
    await host.post('/__dev/clock', { advanceHours: 15 })
    const { answer } = await save(CITY_CADRE, { id: shenyang.id, category: 'marriage_family', title: '彩礼纠纷调解答复', body: `${shenyang.body}如协商不成，可到法院起诉。` })
    expect(answer).toMatchObject({ id: shenyang.id, orgId: CITY, body: expect.stringContaining('可到法院起诉') })
    expect(Date.parse(answer.updatedAt)).toBeGreaterThan(Date.parse(shenyang.updatedAt))
    expect([await kbUpdatesOn('2026-11'), await kbUpdatesOn('2026-12')]).toEqual([1, 1])
    // The same words again change nothing and count nothing.
    await save(CITY_CADRE, { id: shenyang.id, category: 'marriage_family', title: '彩礼纠纷调解答复', body: answer.body })
    expect([await kbUpdatesOn('2026-11'), await kbUpdatesOn('2026-12')]).toEqual([1, 1])
    shenyang = answer
  })

  test('only the org’s own cadres (and the admin) keep its answers', async () => {
    const edit = { action: 'kbSave', id: shenyang.id, category: 'marriage_family', title: '改标题', body: '改内容' }
    // Those who read it may not change it; another city, as if it did not exist.
    for (const openid of [COUNTY_CADRE, TOWNSHIP_CADRE]) expect(await refusal(openid, edit)).toMatchObject({ code: 'FORBIDDEN', message: '只能修改、停用本级妇联的标准答复' })
    for (const openid of [DALIAN_CADRE, PROVINCE_CADRE]) expect(await refusal(openid, edit)).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这条标准答复' })
    expect(await refusal(DALIAN_CADRE, { ...edit, id: 'answer_nope' })).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这条标准答复' })
    for (const openid of [CONVENER, MEMBER, RESIDENT]) expect(await refusal(openid, edit)).toMatchObject({ code: 'FORBIDDEN', message: '标准答复由市、省妇联干部维护' })
    // Below the city nobody adds one, at her own org or elsewhere.
    const add = { action: 'kbSave', category: 'other', title: '县里的答复', body: '内容' }
    expect(await refusal(COUNTY_CADRE, add)).toMatchObject({ code: 'FORBIDDEN', message: '标准答复由市、省妇联干部维护' })
    expect(await refusal(COUNTY_CADRE, { ...add, orgId: '210113' })).toMatchObject({ code: 'INVALID_INPUT', message: '标准答复由市、省两级妇联维护，请选择市或省' })
    expect(await refusal(CITY_CADRE, { ...add, orgId: PROVINCE })).toMatchObject({ code: 'FORBIDDEN', message: '只能为本级妇联新增标准答复' })
    expect(await refusal(CITY_CADRE, { ...edit, orgId: PROVINCE })).toMatchObject({ code: 'INVALID_INPUT', message: '标准答复不能换到其他单位' })
    expect(titles(await list(CONVENER, { category: 'marriage_family' }))).toEqual(['彩礼纠纷调解答复', '家庭纠纷调解答复'])
    // The admin keeps any in her province, a city's included (an hour later: the log reads in order).
    await host.post('/__dev/clock', { advanceHours: 1 })
    const { answer } = await save(ADMIN, { id: shenyang.id, category: 'marriage_family', title: '彩礼纠纷调解答复（省审定）', body: shenyang.body })
    expect(answer).toMatchObject({ id: shenyang.id, orgId: CITY, title: '彩礼纠纷调解答复（省审定）' })
  })

  test('the contract’s limits and the content check, in Chinese, before anything is saved', async () => {
    const add = { action: 'kbSave', category: 'governance', title: '建议答复', body: '已转交村两委研究。' }
    expect(await refusal(PROVINCE_CADRE, { ...add, title: '题'.repeat(41) })).toMatchObject({ code: 'INVALID_INPUT', message: '标题不能超过 40 个字' })
    expect(await refusal(PROVINCE_CADRE, { ...add, body: '字'.repeat(1001) })).toMatchObject({ code: 'INVALID_INPUT', message: '答复内容不能超过 1000 个字' })
    expect(await refusal(PROVINCE_CADRE, { ...add, body: '  ' })).toMatchObject({ code: 'INVALID_INPUT', message: '请填写答复内容' })
    expect(await refusal(PROVINCE_CADRE, { ...add, category: 'nope' })).toMatchObject({ code: 'INVALID_INPUT', message: '请选择问题类别' })
    expect(await refusal(PROVINCE_CADRE, { ...add, body: '详情请访问赌博网站' })).toMatchObject({ code: 'CONTENT_REJECTED' })
    expect(titles(await list(PROVINCE_CADRE, { category: 'governance' }))).toEqual(['社会治理建议采纳答复'])
  })

  test('she retires it: no longer offered, kept for the record; retiring again changes nothing; a retired one is not edited', async () => {
    await host.post('/__dev/clock', { advanceHours: 1 })
    const { answer } = await retire(CITY_CADRE, shenyang.id)
    expect(answer).toMatchObject({ id: shenyang.id, retired: true })
    expect(titles(await list(CONVENER, { category: 'marriage_family' }))).toEqual(['家庭纠纷调解答复'])
    const kept = await list(CITY_CADRE, { category: 'marriage_family', includeRetired: true })
    expect(kept.items.map((i) => [i.title, i.retired])).toEqual([
      ['彩礼纠纷调解答复（省审定）', true],
      ['家庭纠纷调解答复', false],
    ])
    expect((await retire(CITY_CADRE, shenyang.id)).answer.retired).toBe(true)
    expect(await refusal(CITY_CADRE, { action: 'kbSave', id: shenyang.id, category: 'marriage_family', title: '再改', body: '再改' })).toMatchObject({ code: 'CONFLICT' })
    expect(await refusal(DALIAN_CADRE, { action: 'kbRetire', id: shenyang.id })).toMatchObject({ code: 'NOT_FOUND' })
  })

  test('each change is one line of the city’s audit log, with who did it', async () => {
    const lines = (await auditOf(CITY)).map((i) => [i.action, i.summary, i.actor, i.orgName, i.targetId])
    expect(lines).toEqual([
      ['account.kbRetire', '停用标准答复：彩礼纠纷调解答复（省审定）', '何静（妇联干部）', '沈阳市', shenyang.id],
      ['account.kbSave', '修改标准答复：彩礼纠纷调解答复（省审定）', '罗建华（省级管理员）', '沈阳市', shenyang.id],
      ['account.kbSave', '修改标准答复：彩礼纠纷调解答复', '何静（妇联干部）', '沈阳市', shenyang.id],
      ['account.kbSave', '新增标准答复：彩礼纠纷调解答复', '何静（妇联干部）', '沈阳市', shenyang.id],
    ])
  })
})
