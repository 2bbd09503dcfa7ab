/**
 * 帮扶方案 end to end: 蒲河村's convener 王秀兰 accepts 赵小红's case and, on its page, adds two tasks
 * (添加任务): 协助登记 by the 巾帼志愿者 孟凡英 (who has no account; her number for the convener only)
 * and 上门走访 by the council member 李桂芳. 李桂芳 finds her message in 消息, opens the case from it
 * and marks her task done (我已完成). 赵小红 reads plain progress on her case, no name nor number.
 * Resolving, the convener is asked what became of the open task before the case is resolved.
 */
import { CONVENER, MEMBER, RESIDENT, aReport } from '../support/demo'
import { button, field, openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(120_000)

const session = useHostAndPhone()

test('the holder plans a volunteer’s task and a member’s; the member is told and completes hers; the reporter sees plain progress; resolving asks about the open one', async () => {
  const { host } = session
  const sent = await host.post<{ ok: boolean; data: { caseId: string } }>(
    '/api/intake',
    aReport({ title: '独居老人想办低保不会登记', content: '村东头的张奶奶独居，不会用手机，想办低保不知道怎么登记。' }),
    RESIDENT,
  )
  const caseId = sent.body.data.caseId
  await host.post('/api/escalation', { action: 'accept', caseId }, CONVENER)

  const convener = await openAs(session.browser, host.url, CONVENER, `/pages/case/index?id=${caseId}`)
  const plan = convener.locator('#help-plan')
  await plan.getByText('还没有安排帮扶任务。', { exact: false }).waitFor()

  // A volunteer without an account, with her number.
  await button(convener, '添加任务').first().click()
  await field(convener, '如：协助登记').fill('协助登记')
  await convener.locator('.choice:visible').filter({ hasText: '巾帼志愿者' }).click()
  await field(convener, '志愿者姓名').fill('孟凡英')
  await field(convener, '志愿者电话').fill('13912345678')
  // Sent without a date: the sheet says what is missing.
  await convener.locator('.sheet taro-button-core:visible').filter({ hasText: '添加任务' }).click()
  await convener.getByText('请选择什么时候前完成').waitFor()
  await convener.locator('.choice:visible').filter({ hasText: '3 天后' }).click()
  await screenshot(convener, 'help-plan-1-add-volunteer')
  await convener.locator('.sheet taro-button-core:visible').filter({ hasText: '添加任务' }).click()
  await plan.getByText('承办：巾帼志愿者 孟凡英').waitFor()
  await plan.getByText('13912345678').waitFor()

  // A council member, from the list the server offers.
  await button(convener, '添加任务').first().click()
  await field(convener, '如：协助登记').fill('上门走访')
  await convener.locator('.choice:visible').filter({ hasText: '李桂芳' }).click()
  await convener.locator('.choice:visible').filter({ hasText: '明天' }).click()
  await convener.locator('.sheet taro-button-core:visible').filter({ hasText: '添加任务' }).click()
  await plan.getByText('承办：李桂芳').waitFor()
  await plan.getByText('共 2 项，2 项未完成').waitFor()
  // The deadline view lists the tasks' due dates.
  await convener.getByText(/帮扶任务“上门走访”：.+前（还剩 /).waitFor()
  await plan.scrollIntoViewIfNeeded()
  await screenshot(convener, 'help-plan-2-planned')

  // The member is told in 消息 and opens the case from there.
  const member = await openAs(session.browser, host.url, MEMBER, '/pages/messages/index')
  await member.getByText('请您协助一项帮扶任务').first().click()
  const hers = member.locator('#help-plan')
  await hers.getByText('承办：您').waitFor()
  // The volunteer's number is for the holder only.
  expect(await hers.getByText('13912345678').count()).toBe(0)
  await screenshot(member, 'help-plan-3-member-task')
  await button(member, '我已完成').click()
  await field(member, '完成情况').fill('已上门，张奶奶材料齐全')
  await button(member, '确定已完成').click()
  await hers.getByText('已上门，张奶奶材料齐全').waitFor()
  await hers.getByText('共 2 项，1 项未完成').waitFor()

  // The reporter reads plain progress, without names or numbers.
  const resident = await openAs(session.browser, host.url, RESIDENT, `/pages/case/index?id=${caseId}`)
  await resident.getByText('已安排志愿者协助登记').waitFor()
  await resident.getByText('已完成：上门走访').waitFor()
  expect(await resident.getByText(/孟凡英|13912345678|李桂芳/).count()).toBe(0)
  expect(await resident.locator('#help-plan').count()).toBe(0)
  await screenshot(resident, 'help-plan-4-reporter')

  // Resolving with an open task: the sheet asks what became of it.
  const desk = await openAs(session.browser, host.url, CONVENER, `/pages/case/index?id=${caseId}`)
  await button(desk, '办结').click()
  await desk.getByText('还有 1 项帮扶任务未完成，它们现在怎样了？').waitFor()
  await field(desk, '办理情况').fill('已协助张奶奶递交低保申请。')
  await button(desk, '确定').click()
  await desk.getByText('请说明未完成的帮扶任务').waitFor()
  await desk.locator('.choice:visible').filter({ hasText: '其实已经完成了' }).click()
  await screenshot(desk, 'help-plan-5-resolve-asks')
  await button(desk, '确定').click()
  await desk.getByText(/蒲河村（村\/社区）已办结：已解决/).waitFor()
  await desk.getByText('共 2 项，0 项未完成').waitFor()
  await desk.locator('#help-plan').scrollIntoViewIfNeeded()
  await screenshot(desk, 'help-plan-6-resolved')

  const done = await openAs(session.browser, host.url, RESIDENT, `/pages/case/index?id=${caseId}`)
  await done.getByText('安排的帮扶都已完成').waitFor()

  for (const page of [convener, member, resident, desk, done]) expect(pageErrors(page)).toEqual([])
})
