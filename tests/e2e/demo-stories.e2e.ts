/**
 * The demo's stories (cloudfunctions/_local/seed/demo-stories.ts) as the people in them open them in
 * the app, on a host started with its demo cases: 马秀芝 finds her dark-road report at 沈阳市 in 我的反映;
 * 沈阳市's cadre reads it with its five supporters and its 帮扶方案; 小南村's ordinary member sees only
 * that 小晴's private appeal exists.
 */
import { CITY_CADRE } from '../support/demo'
import { BALIYING, XIAONAN } from '../../cloudfunctions/_local/seed/demo-story-people'
import { openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(120_000)

const session = useHostAndPhone('local', { demoCases: true })

const caseOf = async (openid: string) => {
  const mine = await session.host.post<{ ok: boolean; data: { items: { id: string }[] } }>('/api/intake', { action: 'mine' }, openid)
  return mine.body.data.items[0]!.id
}

test('the dark road: the reporter follows it up to the city; the city’s cadre reads who shares it and the plan', async () => {
  const reporter = await openAs(session.browser, session.host.url, BALIYING.reporter, '/pages/my-cases/index')
  await reporter.getByText('村西到县道那段路没有路灯').first().click()
  await reporter.getByText('沈阳市（市）已请国网沈阳供电公司协助办理').waitFor()
  await reporter.getByText('又有 1 位群众也遇到了这个问题').first().waitFor()
  await screenshot(reporter, 'demo-stories-1-reporter')
  expect(pageErrors(reporter)).toEqual([])

  const cadre = await openAs(session.browser, session.host.url, CITY_CADRE, `/pages/case/index?id=${await caseOf(BALIYING.reporter)}`)
  await cadre.getByText('5 人也反映了这个问题').waitFor()
  const plan = cadre.locator('#help-plan')
  await plan.getByText('陪同供电公司现场勘测线路').waitFor()
  await plan.getByText('承办：田桂兰').waitFor()
  await plan.getByText('共 2 项，2 项未完成').waitFor()
  await cadre.getByText('国网沈阳供电公司', { exact: false }).first().waitFor()
  await screenshot(cadre, 'demo-stories-2-city-cadre')
  expect(pageErrors(cadre)).toEqual([])
})

test('小晴: an ordinary member of her council sees only that a private appeal exists', async () => {
  const member = await openAs(session.browser, session.host.url, XIAONAN.member, `/pages/case/index?id=${await caseOf(XIAONAN.reporter)}`)
  await member.getByText('涉及个人隐私的反映').first().waitFor()
  await screenshot(member, 'demo-stories-3-private')
  expect(await member.getByText(/小晴|心脏病|募捐/).count()).toBe(0)
  expect(pageErrors(member)).toEqual([])
})
