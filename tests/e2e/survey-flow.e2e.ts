/**
 * Surveys end to end: 道义街道's cadre opens one from 调研 (发起调研: a single-choice question and a
 * free one); 赵小红 of 蒲河村 sees 有 2 份调研等您填写 on 首页, taps in, answers, and reads the results;
 * the cadre reads the counts per village and 赵小红's words (never her name), then ends it (结束调研).
 * 郑晓燕 of 朝阳 picks 蒲河村 as her village in 我的反映's 我的村（社区）, and then the surveys reach her.
 */
import { RESIDENT, TOWNSHIP_CADRE } from '../support/demo'
import { button, field, openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(120_000)

const session = useHostAndPhone()

const TITLE = '冬季文体活动意向调研'
const WORDS = '希望活动安排在晚饭以后'

test('a township cadre asks; a resident answers from 首页 and sees the results; the cadre reads them and ends it', async () => {
  const cadre = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/survey/pages/list/index')
  await button(cadre, '发起调研').click()
  await cadre.getByText('发起单位：道义街道（乡镇/街道）').waitFor()
  await field(cadre, '如：冬季活动意向调研').fill(TITLE)
  await field(cadre, '问题，如').fill('您想参加哪项活动？')
  // Sent with one option: the contract's own words, before anything is sent.
  await field(cadre, '选项，每行一个').fill('剪纸')
  await button(cadre, '发起').last().click()
  await cadre.getByText('第 1 题：每个选择题至少 2 个选项').waitFor()
  await field(cadre, '选项，每行一个').fill('剪纸\n扭秧歌\n广场舞')
  await button(cadre, '再加一题').click()
  await field(cadre, '问题，如').nth(1).fill('还有什么想说的？')
  await cadre.locator('[aria-label="第 2 题的题型"] .choice').filter({ hasText: '填空' }).click()
  await screenshot(cadre, 'survey-1-form')
  await button(cadre, '发起').last().click()
  await cadre.locator('.survey-row').filter({ hasText: TITLE }).waitFor()
  await screenshot(cadre, 'survey-2-opened')

  const resident = await openAs(session.browser, session.host.url, RESIDENT)
  const card = resident.locator('.waiting-surveys:visible')
  await card.getByText('有 2 份调研等您填写').waitFor()
  await card.scrollIntoViewIfNeeded()
  await screenshot(resident, 'survey-3-home-waiting')
  await card.getByText('有 2 份调研等您填写').click()
  await resident.getByText('有 2 份调研等您填写，标有“待填写”。').waitFor()
  await resident.locator('.survey-row').filter({ hasText: TITLE }).click()
  await resident.getByText('1. 您想参加哪项活动？（单选）').waitFor()
  // Not answered: the form says which.
  await button(resident, '提交').click()
  await resident.getByText('请选择第 1 题').waitFor()
  await resident.locator('.choice:visible').filter({ hasText: '扭秧歌' }).click()
  await field(resident, '说说您的想法').fill(WORDS)
  await screenshot(resident, 'survey-4-answer')
  await button(resident, '提交').click()
  await resident.getByText('调研结果（1 人填写）').waitFor()
  await resident.getByText('您已填写，截止前可以修改。').waitFor()
  await resident.locator('[aria-label="扭秧歌：1 人，占 100%"]').waitFor()
  // The words are for those who asked.
  expect(await resident.getByText(WORDS).count()).toBe(0)
  await screenshot(resident, 'survey-5-results')

  const asked = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/survey/pages/list/index')
  await asked.locator('.survey-row').filter({ hasText: TITLE }).click()
  await asked.getByText('调研结果（1 人填写）').waitFor()
  await asked.locator('.survey-table-row').filter({ hasText: '蒲河村' }).getByText('1 人，第 1 题多数选“扭秧歌”').waitFor()
  await asked.getByText(WORDS).waitFor()
  await asked.getByText('群众的意见（不显示填写人）').waitFor()
  expect(await asked.getByText('赵小红').count()).toBe(0)
  await screenshot(asked, 'survey-6-cadre-results')
  await button(asked, '结束调研').click()
  await asked.getByText('确定结束').click()
  await asked.getByText('已截止').first().waitFor()
  expect(await button(asked, '结束调研').count()).toBe(0)

  for (const page of [cadre, resident, asked]) expect(pageErrors(page)).toEqual([])
})

test('she picks her village in 我的反映; then its surveys reach her on 首页', async () => {
  const zheng = 'demo-resident-zheng'
  const page = await openAs(session.browser, session.host.url, zheng, '/pages/my-cases/index')
  const card = page.locator('.home-village:visible')
  await card.getByText('您住在：西大营子村。', { exact: false }).waitFor()
  await card.locator('.field-box').click()
  for (const name of ['沈阳市', '沈北新区', '道义街道', '蒲河村']) await page.locator('.picker-item:visible').filter({ hasText: new RegExp(`^${name}`) }).click()
  await card.getByText('您住在：蒲河村。', { exact: false }).waitFor()
  await screenshot(page, 'survey-7-home-village')
  const home = await openAs(session.browser, session.host.url, zheng)
  await home.locator('.waiting-surveys:visible').getByText('有 1 份调研等您填写').waitFor()
  for (const p of [page, home]) expect(pageErrors(p)).toEqual([])
})
