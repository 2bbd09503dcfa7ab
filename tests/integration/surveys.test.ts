/**
 * Surveys (调研: outreach.openSurvey / surveys / survey / answerSurvey / surveyResults / closeSurvey)
 * and the resident's own village (account.setHomeVillage, remembered from her first named report)
 * through the fixed HTTP surface on each host: the local one on SQLite and the production path (the
 * built bundles on the function runner and the CloudBase emulator, msgSecCheck included). The demo
 * seed gives 道义街道 a residents' survey. Residents: 赵小红 and 孙丽娜 of 蒲河村 (道义街道), 周美玲 of
 * 清水台村 (清水台镇, the same county). The tests run in order on one host per kind.
 *
 * Then, on the local store alone: a bigger survey's results read a bounded number of documents.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { CONVENER, COUNTY, COUNTY_CADRE, MEMBER, OTHER_RESIDENT, PROVINCE_CADRE, RESIDENT, TOWNSHIP, TOWNSHIP_CADRE, VILLAGE, aReport } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import type { OutreachResults, SurveySummary } from '../../types/outreach.contract'
import { outreachFunction } from '../../cloudfunctions/outreach/outreach.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import { addOrg } from '../../cloudfunctions/_shared/orgs/onboarding.service'
import { callAs, demoDeps } from '../support/test-deps'

type Results = OutreachResults['surveyResults']

const ZHOU = 'demo-resident-zhou'
const ZHANG = 'demo-member-zhang'
const DEMO = 'survey_demo_needs'
const DEMO_TITLE = '道义街道妇女服务需求调研'
const DAOYI_VILLAGE = '210113001202'

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  const list = (openid: string) => dataOf<OutreachResults['surveys']>(host, 'outreach', openid, { action: 'surveys' })
  const answer = (openid: string, surveyId: string, answers: unknown[]) => dataOf<OutreachResults['answerSurvey']>(host, 'outreach', openid, { action: 'answerSurvey', surveyId, answers })
  const results = (openid: string, surveyId: string, extra: Record<string, unknown> = {}) => dataOf<Results>(host, 'outreach', openid, { action: 'surveyResults', surveyId, ...extra })
  const refusal = (openid: string, body: Record<string, unknown>) => refusalOf(host, 'outreach', openid, body)
  const demoOf = async (openid: string) => (await list(openid)).items.find((i) => i.id === DEMO)
  const later = () => host.post('/__dev/clock', { advanceHours: 1 })
  const counts = (r: Results) => r.questions.map((q) => q.options.map((o) => o.count))
  const inDays = async (days: number) => {
    const { now } = await host.get<{ now: string }>('/__dev/clock')
    return new Date(Date.parse(now) + days * 86_400_000).toISOString()
  }

  test('the demo: 道义街道’s survey reaches the residents of its villages, not another township’s; one waits for her', async () => {
    const zhao = await list(RESIDENT)
    expect(zhao.items.map((i) => i.title)).toEqual([DEMO_TITLE])
    expect(zhao.items[0]).toMatchObject<Partial<SurveySummary>>({
      orgId: TOWNSHIP, orgName: '道义街道', level: 'township', audience: 'residents', status: 'open', questionCount: 3,
      answered: false, mayAnswer: true, mayResults: false, mayClose: false,
    })
    expect(zhao.waiting).toBe(1)
    expect(zhao.opensAt).toEqual([])
    expect((await list(ZHOU)).items).toEqual([])
    expect(await refusal(ZHOU, { action: 'survey', surveyId: DEMO })).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这份调研' })
    // The township's cadre asked it: she watches and may close it, and does not answer.
    expect(await demoOf(TOWNSHIP_CADRE)).toMatchObject({ mayAnswer: false, mayResults: true, mayClose: true })
    expect((await list(TOWNSHIP_CADRE)).opensAt).toEqual([{ orgId: TOWNSHIP, orgName: '道义街道', level: 'township' }])
    const one = await dataOf<OutreachResults['survey']>(host, 'outreach', RESIDENT, { action: 'survey', surveyId: DEMO })
    expect(one.questions).toEqual([
      { text: '您最希望妇联提供哪些服务？（可多选）', free: false, options: ['家庭教育指导', '就业技能培训', '法律咨询', '健康讲座'], multiple: true },
      { text: '您方便参加活动的时间是？', free: false, options: ['工作日白天', '工作日晚上', '周末'], multiple: false },
      { text: '您对妇联工作还有什么建议？', free: true },
    ])
    expect(one.mine).toBeNull()
  })

  test('each answers once and may change it; counted overall and per village; free answers only for those who asked, naming no one', async () => {
    expect(await answer(RESIDENT, DEMO, [[0, 2], [2], '希望晚上也能办讲座'])).toEqual({ surveyId: DEMO, changed: true })
    expect(await answer(OTHER_RESIDENT, DEMO, [[1], [0], ''])).toEqual({ surveyId: DEMO, changed: true })
    await later()
    // A council member of 蒲河村 answers a residents' survey too.
    await answer(MEMBER, DEMO, [[0], [2], '请多组织就业培训'])
    await later()
    // Changed: the old choice taken back, the new one counted; the same again changes nothing.
    expect(await answer(RESIDENT, DEMO, [[0, 3], [2], '希望晚上也能办讲座'])).toEqual({ surveyId: DEMO, changed: true })
    expect(await answer(RESIDENT, DEMO, [[0, 3], [2], '希望晚上也能办讲座'])).toEqual({ surveyId: DEMO, changed: false })
    expect((await dataOf<OutreachResults['survey']>(host, 'outreach', RESIDENT, { action: 'survey', surveyId: DEMO })).mine).toEqual([[0, 3], [2], '希望晚上也能办讲座'])
    expect(await demoOf(RESIDENT)).toMatchObject({ answered: true, mayAnswer: true, mayResults: true })
    expect((await list(RESIDENT)).waiting).toBe(0)

    const mine = await results(RESIDENT, DEMO)
    expect(mine.respondents).toBe(3)
    expect(counts(mine)).toEqual([[2, 1, 0, 1], [1, 0, 2], []])
    expect(mine.questions.map((q) => q.answered)).toEqual([3, 3, 2])
    expect(mine.children.map((c) => [c.orgName, c.respondents, c.counts])).toEqual([
      ['正良社区', 0, [[0, 0, 0, 0], [0, 0, 0], []]],
      ['蒲河村', 3, [[2, 1, 0, 1], [1, 0, 2], []]],
      ['道义村', 0, [[0, 0, 0, 0], [0, 0, 0], []]],
    ])
    expect(mine.free).toBeNull()
    // Who has not answered waits for the close.
    expect(await refusal(ZHANG, { action: 'surveyResults', surveyId: DEMO })).toMatchObject({ code: 'FORBIDDEN', message: '填写后或截止后可以看结果' })

    const asked = await results(TOWNSHIP_CADRE, DEMO)
    // The latest changed first: hers was changed last.
    expect(asked.free?.items.map((i) => [i.question, i.text])).toEqual([
      [2, '希望晚上也能办讲座'],
      [2, '请多组织就业培训'],
    ])
    expect(asked.free?.nextCursor).toBeNull()
    expect(JSON.stringify(asked)).not.toMatch(/demo-(resident|member)/)
    // The county watches the counts, not the words.
    const county = await results(COUNTY_CADRE, DEMO)
    expect(county.respondents).toBe(3)
    expect(county.free).toBeNull()
  })

  test('answers that do not fit are refused in Chinese; so are words the content check refuses, and who is not asked', async () => {
    const bad = (answers: unknown) => refusal(OTHER_RESIDENT, { action: 'answerSurvey', surveyId: DEMO, answers })
    expect(await bad([[0], [1]])).toMatchObject({ code: 'INVALID_INPUT', message: '请回答全部 3 题' })
    expect(await bad([[0], [0, 1], ''])).toMatchObject({ code: 'INVALID_INPUT', message: '第 2 题只能选一项' })
    expect(await bad([[9], [1], ''])).toMatchObject({ code: 'INVALID_INPUT', message: '第 1 题没有这个选项' })
    expect(await bad([[], [1], ''])).toMatchObject({ code: 'INVALID_INPUT', message: '第 1 题请选择' })
    expect(await bad([[0], [1], '字'.repeat(501)])).toMatchObject({ code: 'INVALID_INPUT', message: '回答不能超过 500 个字' })
    expect(await bad([[0], [1], '详情请访问赌博网站'])).toMatchObject({ code: 'CONTENT_REJECTED' })
    expect(await refusal(OTHER_RESIDENT, { action: 'answerSurvey', answers: [] })).toMatchObject({ code: 'INVALID_INPUT', message: '缺少调研' })
    expect(await refusal(TOWNSHIP_CADRE, { action: 'answerSurvey', surveyId: DEMO, answers: [[0], [1], ''] })).toMatchObject({ code: 'FORBIDDEN', message: '这份调研请本地居民填写' })
    expect(await refusal(ZHOU, { action: 'answerSurvey', surveyId: DEMO, answers: [[0], [1], ''] })).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这份调研' })
    expect((await results(TOWNSHIP_CADRE, DEMO)).respondents).toBe(3)
  })

  test('a convener asks her council members: residents do not see it; members answer; only she reads the words', async () => {
    const open = { action: 'openSurvey', orgId: VILLAGE, title: '议事会开会时间征求意见', audience: 'members', closesAt: await inDays(7) }
    const questions = [{ text: '每月议事会定在哪天？', options: ['第一个周六', '最后一个周日'] }, { text: '其他想法', free: true }]
    const { surveyId } = await dataOf<OutreachResults['openSurvey']>(host, 'outreach', CONVENER, { ...open, questions })
    expect((await list(RESIDENT)).items.map((i) => i.id)).not.toContain(surveyId)
    expect(await refusal(RESIDENT, { action: 'answerSurvey', surveyId, answers: [[0], ''] })).toMatchObject({ code: 'NOT_FOUND' })
    expect((await list(MEMBER)).items.find((i) => i.id === surveyId)).toMatchObject({ audience: 'members', mayAnswer: true, level: 'village' })
    await answer(MEMBER, surveyId, [[1], '周日下午比较好'])
    const hers = await results(CONVENER, surveyId)
    expect([hers.respondents, counts(hers), hers.children]).toEqual([1, [[0, 1], []], []])
    expect(hers.free?.items.map((i) => i.text)).toEqual(['周日下午比较好'])
    // The township above watches the counts.
    expect((await results(TOWNSHIP_CADRE, surveyId)).free).toBeNull()
  })

  test('opening: her own org, a deadline within 90 days, questions that make sense, content-checked', async () => {
    const open = { action: 'openSurvey', orgId: TOWNSHIP, title: '冬季活动意向', audience: 'residents', closesAt: await inDays(10), questions: [{ text: '想参加哪项活动？', options: ['剪纸', '秧歌'] }] }
    expect(await refusal(TOWNSHIP_CADRE, { ...open, closesAt: await inDays(-1) })).toMatchObject({ code: 'INVALID_INPUT', message: '截止时间应晚于现在' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, closesAt: await inDays(91) })).toMatchObject({ code: 'INVALID_INPUT', message: '调研最长开放 90 天' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, questions: [{ text: '想参加哪项活动？', options: ['剪纸'] }] })).toMatchObject({ code: 'INVALID_INPUT', message: '每个选择题至少 2 个选项' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, questions: [{ text: '想参加哪项活动？', options: ['剪纸', '剪纸'] }] })).toMatchObject({ code: 'INVALID_INPUT', message: '第 1 题的选项有重复' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, questions: [] })).toMatchObject({ code: 'INVALID_INPUT', message: '请至少添加一个问题' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, audience: 'everyone' })).toMatchObject({ code: 'INVALID_INPUT', message: '请选择调研对象：居民或议事会成员' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, title: '题'.repeat(41) })).toMatchObject({ code: 'INVALID_INPUT', message: '调研标题不能超过 40 个字' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, questions: [{ text: '想参加哪项活动？', options: ['剪纸', '赌博网站'] }] })).toMatchObject({ code: 'CONTENT_REJECTED' })
    expect(await refusal(MEMBER, { ...open, orgId: VILLAGE })).toMatchObject({ code: 'FORBIDDEN', message: '调研由妇联干部和议事会主任发起' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, orgId: COUNTY })).toMatchObject({ code: 'FORBIDDEN', message: '只能在本级发起调研' })
    expect(await refusal(TOWNSHIP_CADRE, { ...open, orgId: 'no-such-org' })).toMatchObject({ code: 'NOT_FOUND', message: '没有找到该组织' })
    expect((await list(RESIDENT)).items.map((i) => i.title)).toEqual([DEMO_TITLE])
  })

  test('closing early: no answers after; the results open to everyone it reached; one audit line', async () => {
    await later()
    expect(await refusal(CONVENER, { action: 'closeSurvey', surveyId: DEMO })).toMatchObject({ code: 'FORBIDDEN', message: '只能结束本级发起的调研' })
    expect(await dataOf(host, 'outreach', TOWNSHIP_CADRE, { action: 'closeSurvey', surveyId: DEMO })).toEqual({ surveyId: DEMO, closed: true })
    expect(await dataOf(host, 'outreach', TOWNSHIP_CADRE, { action: 'closeSurvey', surveyId: DEMO })).toEqual({ surveyId: DEMO, closed: false })
    expect(await refusal(OTHER_RESIDENT, { action: 'answerSurvey', surveyId: DEMO, answers: [[0], [1], ''] })).toMatchObject({ code: 'CONFLICT', message: '这份调研已经截止' })
    expect((await results(ZHANG, DEMO)).respondents).toBe(3)
    expect(await demoOf(ZHANG)).toMatchObject({ status: 'closed', mayAnswer: false, mayResults: true, mayClose: false })
    const audit = await dataOf<{ items: { targetType: string; summary: string }[] }>(host, 'account', PROVINCE_CADRE, { action: 'audit', orgId: TOWNSHIP })
    expect(audit.items.filter((i) => i.targetType === 'survey').map((i) => i.summary)).toEqual(['结束调研：道义街道妇女服务需求调研', '发起调研：议事会开会时间征求意见'])
  })

  test('her own village: remembered from her first named report, never an anonymous one; picked once in 我的村（社区）', async () => {
    const me = (openid: string) => dataOf<{ homeOrgId: string | null; homeOrgName: string | null }>(host, 'account', openid, { action: 'me' })
    const anonymous = `newcomer-anonymous-${kind}`
    await dataOf(host, 'intake', anonymous, aReport({ villageId: DAOYI_VILLAGE, anonymous: true }))
    expect(await me(anonymous)).toMatchObject({ homeOrgId: null })
    expect((await list(anonymous)).items).toEqual([])

    const named = `newcomer-named-${kind}`
    await dataOf(host, 'intake', named, aReport({ villageId: DAOYI_VILLAGE }))
    expect(await me(named)).toMatchObject({ homeOrgId: DAOYI_VILLAGE, homeOrgName: '道义村' })
    expect((await list(named)).items.map((i) => i.id)).toContain(DEMO)
    // Her first report's village stays until she picks one.
    await dataOf(host, 'intake', named, aReport({ villageId: '210113102201' }))
    expect(await me(named)).toMatchObject({ homeOrgId: DAOYI_VILLAGE })

    expect(await dataOf(host, 'account', named, { action: 'setHomeVillage', orgId: '210113102201' })).toEqual({ homeOrgId: '210113102201', homeOrgName: '清水台村' })
    expect(await me(named)).toMatchObject({ homeOrgId: '210113102201', homeOrgName: '清水台村' })
    expect((await list(named)).items.map((i) => i.id)).not.toContain(DEMO)
    expect(await refusalOf(host, 'account', named, { action: 'setHomeVillage', orgId: TOWNSHIP })).toMatchObject({ code: 'INVALID_INPUT', message: '请选择到村或社区' })
    expect(await refusalOf(host, 'account', named, { action: 'setHomeVillage', orgId: '210113102299' })).toMatchObject({ code: 'NOT_FOUND', message: '没有找到该村（社区）' })
    expect(await refusalOf(host, 'account', named, { action: 'setHomeVillage' })).toMatchObject({ code: 'INVALID_INPUT', message: '缺少村（社区）' })
    // The village's log says a resident chose it, never who.
    const audit = await dataOf<{ items: { action: string; actor: string; summary: string }[] }>(host, 'account', COUNTY_CADRE, { action: 'audit', orgId: '210113102201' })
    expect(audit.items.filter((i) => i.action === 'account.setHomeVillage')).toEqual([
      expect.objectContaining({ actor: '群众', summary: '一位居民选定本村（社区）为自己的村（社区）' }),
    ])
  })
})

/** Every read of the survey repositories, by the number of documents it answered. */
function countingReads(store: Store) {
  const reads = { counters: 0, answers: 0, scans: 0 }
  const counters = store.surveyCounters
  const answers = store.surveyAnswers
  const wrapped: Store = Object.create(store)
  wrapped.surveyCounters = { ...counters, of: async (surveyId, orgIds) => { reads.counters += orgIds.length; return counters.of(surveyId, orgIds) } }
  wrapped.surveyAnswers = {
    ...answers,
    get: async (surveyId, openid) => { reads.answers += 1; return answers.get(surveyId, openid) },
    withFreeWords: async (surveyId, limit, before) => { const page = await answers.withFreeWords(surveyId, limit, before); reads.scans += page.length; return page },
  }
  return { wrapped, reads }
}

test('a bigger survey: 600 answers in 30 villages, and its results read 1 + 30 counter sets, one answer and one page of words', async () => {
  const deps = await demoDeps()
  const outreach = outreachFunction as FunctionDef
  try {
    const villages = Array.from({ length: 30 }, (_, i) => `2101130019${String(i).padStart(2, '0')}`)
    await deps.store.transaction(async (tx) => {
      for (const [i, id] of villages.entries()) await addOrg(tx, { id, name: `新村${i}`, level: 'village', parentId: TOWNSHIP })
    })
    const { surveyId } = await callAs(deps, outreach, TOWNSHIP_CADRE, {
      action: 'openSurvey', orgId: TOWNSHIP, title: '大范围调研', audience: 'residents',
      closesAt: new Date(Date.parse(deps.clock.now()) + 7 * 86_400_000).toISOString(),
      questions: [{ text: '选一项', options: ['甲', '乙', '丙'] }, { text: '建议', free: true }],
    })
    await deps.store.transaction(async (tx) => {
      for (let i = 0; i < 600; i++) await tx.people.putUser({ openid: `bulk-${i}`, name: null, homeOrgId: villages[i % 30]!, publicPhone: null })
    })
    for (let i = 0; i < 600; i++) await callAs(deps, outreach, `bulk-${i}`, { action: 'answerSurvey', surveyId, answers: [[i % 3], i % 10 === 0 ? `第${i}条建议` : ''] })

    const { wrapped, reads } = countingReads(deps.store)
    const r = await callAs<Results>({ ...deps, store: wrapped }, outreach, TOWNSHIP_CADRE, { action: 'surveyResults', surveyId })
    expect(r.respondents).toBe(600)
    expect(r.questions[0]!.options.map((o) => o.count)).toEqual([200, 200, 200])
    expect(r.children.filter((c) => c.respondents === 20)).toHaveLength(30)
    expect(r.free?.items).toHaveLength(20)
    // The township, its 3 demo villages and the 30 new ones; her own answer (none); one page of words.
    expect(reads).toEqual({ counters: 34, answers: 1, scans: 20 })
    const next = await callAs<Results>(deps, outreach, TOWNSHIP_CADRE, { action: 'surveyResults', surveyId, freeCursor: r.free!.nextCursor! })
    expect(next.free?.items).toHaveLength(20)
    expect(new Set([...r.free!.items, ...next.free!.items].map((i) => i.text)).size).toBe(40)
  } finally {
    await deps.store.close()
  }
}, 120_000)
