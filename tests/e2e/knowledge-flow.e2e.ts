/**
 * Standard answers end to end: the province's cadre opens 标准答复 from 首页, adds one for 劳动和社会
 * 保障权益; the village's convener, resolving a report of that category, picks it in the 办结 sheet,
 * adds a line of her own and sends it; the cadre then retires it, and the next 办结 no longer offers it.
 */
import { ADMIN, aReport, CONVENER, PROVINCE_CADRE, RESIDENT } from '../support/demo'
import { button, field, openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(90_000)

const session = useHostAndPhone()

const TITLE = '工伤认定办理答复'
const BODY = '您反映的工伤问题，妇联已联系人社部门工伤保险科，协助您在事故发生之日起一年内提出工伤认定申请，请准备好劳动关系证明和医疗诊断证明。'

/** A report of 劳动和社会保障权益 reaches 蒲河村; its convener accepts it and opens the 办结 sheet. */
async function resolving(title: string, content: string) {
  const sent = await session.host.post<{ ok: boolean; data: { caseId: string } }>('/api/intake', aReport({ title, content, category: 'labor_social' }), RESIDENT)
  const page = await openAs(session.browser, session.host.url, CONVENER, `/pages/case/index?id=${sent.body.data.caseId}`)
  await button(page, '受理').click()
  await page.getByText('蒲河村（村/社区）已受理').waitFor()
  await button(page, '办结').click()
  return page
}

test('a province cadre adds an answer; a convener resolving a case of its category starts from it', async () => {
  const cadre = await openAs(session.browser, session.host.url, PROVINCE_CADRE)
  await cadre.getByText('标准答复', { exact: true }).click()
  // The demo province's answers, by category.
  await cadre.getByText('家庭纠纷调解答复').waitFor()
  await cadre.getByText('劳动和社会保障权益（1 条）').waitFor()
  await cadre.getByText('发布到辽宁省（省）').waitFor()
  await screenshot(cadre, 'knowledge-1-list')

  await button(cadre, '新增标准答复').click()
  await cadre.getByText('发布单位：辽宁省（省）', { exact: false }).waitFor()
  // Saved without a category: the contract's own words, before anything is sent.
  await field(cadre, '如：家庭纠纷调解答复').fill(TITLE)
  await field(cadre, '写下办理这类问题的常用答复').fill(BODY)
  await button(cadre, '保存').click()
  await cadre.getByText('请选择问题类别').waitFor()
  await cadre.locator('.choice:visible').filter({ hasText: '劳动和社会保障权益' }).click()
  await screenshot(cadre, 'knowledge-2-form')
  await button(cadre, '保存').click()
  await cadre.getByText('劳动和社会保障权益（2 条）').waitFor()
  await cadre.getByText(TITLE).waitFor()
  await screenshot(cadre, 'knowledge-3-added')

  const handler = await resolving('工地受伤老板不认', '我在镇上工地干活摔伤了腿，老板不承认是工伤，也不给医药费。')
  await handler.getByText('参考标准答复（点一条填入下面，可再修改）').waitFor()
  // Both of the category's answers, the province's demo one and the new one; none of another category.
  await handler.locator('.choice:visible').filter({ hasText: '拖欠工资维权指引' }).waitFor()
  expect(await handler.locator('.choice:visible').filter({ hasText: '家庭纠纷调解答复' }).count()).toBe(0)
  await handler.locator('.choice:visible').filter({ hasText: TITLE }).click()
  expect(await field(handler, '办理情况').inputValue()).toBe(BODY)
  await screenshot(handler, 'knowledge-4-picked')
  // Still hers to change.
  await field(handler, '办理情况').fill(`${BODY}已电话告知本人。`)
  await button(handler, '确定').click()
  await handler.getByText(`蒲河村（村/社区）已办结：已解决。${BODY}已电话告知本人。`).waitFor()
  await screenshot(handler, 'knowledge-5-resolved')

  // The cadre retires it: kept for the record, no longer offered.
  const again = await openAs(session.browser, session.host.url, PROVINCE_CADRE, '/federation/pages/knowledge/index')
  await again.getByText(TITLE).waitFor()
  await again.locator('.kb-answer:visible').filter({ hasText: TITLE }).locator('taro-button-core').filter({ hasText: '停用' }).click()
  await again.getByText('确定停用').click()
  await again.getByText('劳动和社会保障权益（1 条）').waitFor()
  await again.getByText('显示已停用的答复').click()
  await again.getByText('劳动和社会保障权益（2 条）').waitFor()
  await again.locator('.chip:visible', { hasText: '已停用' }).waitFor()
  await screenshot(again, 'knowledge-6-retired')

  const second = await resolving('养老保险断缴怎么办', '我以前在厂里交的养老保险断了几年，不知道怎么补。')
  await second.locator('.choice:visible').filter({ hasText: '拖欠工资维权指引' }).waitFor()
  expect(await second.locator('.choice:visible').filter({ hasText: TITLE }).count()).toBe(0)

  for (const page of [cadre, handler, again, second]) expect(pageErrors(page)).toEqual([])
})

test('the admin looks after a city’s answers too: she picks the city, and 新增 publishes there', async () => {
  const admin = await openAs(session.browser, session.host.url, ADMIN, '/federation/pages/knowledge/index')
  await admin.getByText('查看哪一级的答复').waitFor()
  await admin.getByText('发布到辽宁省（省）').waitFor()
  await admin.locator('.choice:visible').filter({ hasText: '沈阳市' }).click()
  await admin.getByText('发布到沈阳市（市）').waitFor()
  await admin.getByText('还没有标准答复').waitFor()
  await screenshot(admin, 'knowledge-7-admin-city')
  await button(admin, '新增标准答复').click()
  await admin.getByText('发布单位：沈阳市（市），全市办结反映时都可以选用').waitFor()
  expect(pageErrors(admin)).toEqual([])
})
