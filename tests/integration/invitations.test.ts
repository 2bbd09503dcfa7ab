/**
 * Onboarding by invitation and the org tree's upkeep, through the real `account` handlers: who may
 * invite whom, single use, expiry, revocation, and the admin's import / rename / move — with the
 * councils and members figures following every change.
 */
import { accountFunction } from '../../cloudfunctions/account/account.function'
import { statsFunction } from '../../cloudfunctions/stats/stats.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { ADMIN, CONVENER, MEMBER, RESIDENT, TOWNSHIP, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'

const account = accountFunction as FunctionDef
const stats = statsFunction as FunctionDef
let deps: TestDeps
beforeEach(async () => {
  deps = await demoDeps()
})
afterEach(() => deps.store.close())

const attempt = (openid: string, event: Record<string, unknown>) => handle(account, event, { kind: 'user', openid }, deps)
const members = async (orgId: string) => (await callAs<{ members: number }>(deps, stats, ADMIN, { action: 'overview', orgId })).members

test('a convener invites a member; the newcomer redeems the code once and joins the council', async () => {
  const before = await members(TOWNSHIP)
  const invitation = await callAs<{ code: string; sharePath: string; orgName: string }>(deps, account, CONVENER, {
    action: 'invite',
    role: 'member',
    orgId: VILLAGE,
  })
  expect(invitation.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
  expect(invitation.sharePath).toBe(`/pages/join/index?code=${invitation.code}`)
  expect(invitation.orgName).toBe('蒲河村')

  const joined = await callAs(deps, account, 'new-member', { action: 'redeem', code: invitation.code.toLowerCase() })
  expect(joined).toEqual({ role: 'member', orgId: VILLAGE, orgName: '蒲河村', level: 'village' })
  expect((await callAs<{ roles: unknown[] }>(deps, account, 'new-member', { action: 'me' })).roles).toEqual([
    expect.objectContaining({ role: 'member', orgId: VILLAGE }),
  ])
  expect(await members(TOWNSHIP)).toBe(before + 1)

  expect(await attempt('someone-else', { action: 'redeem', code: invitation.code })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '这个邀请码已被使用，请向邀请人要一个新的' },
  })
})

test('who may invite whom: a convener only members of her council; a member nobody', async () => {
  expect(await attempt(CONVENER, { action: 'invite', role: 'cadre', orgId: VILLAGE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await attempt(MEMBER, { action: 'invite', role: 'member', orgId: VILLAGE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await attempt(TOWNSHIP_CADRE, { action: 'invite', role: 'convener', orgId: VILLAGE })).toMatchObject({ ok: true })
  expect(await attempt(TOWNSHIP_CADRE, { action: 'invite', role: 'member', orgId: TOWNSHIP })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
})

test('an expired code is refused; a mistyped one is not found', async () => {
  const { code } = await callAs<{ code: string }>(deps, account, CONVENER, { action: 'invite', role: 'member', orgId: VILLAGE, expiresInDays: 1 })
  deps.clock.advanceHours(25)
  expect(await attempt('late', { action: 'redeem', code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这个邀请码已过期，请向邀请人要一个新的' } })
  expect(await attempt('late', { action: 'redeem', code: 'ZZZZ2222' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await attempt('late', { action: 'redeem', code: 'O0O0' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('a convener sees her council and revokes a member; members drop by one', async () => {
  const list = await callAs<{ items: { openid: string; role: string }[] }>(deps, account, CONVENER, { action: 'members', orgId: VILLAGE })
  expect(list.items).toContainEqual(expect.objectContaining({ openid: MEMBER, role: 'member' }))
  const before = await members(VILLAGE)
  expect(await callAs(deps, account, CONVENER, { action: 'revoke', openid: MEMBER, role: 'member', orgId: VILLAGE })).toEqual({ removed: true })
  expect(await members(VILLAGE)).toBe(before - 1)
  expect(await attempt(RESIDENT, { action: 'members', orgId: VILLAGE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('the admin imports divisions, renames one, and moves a village with its figures', async () => {
  const csv = ['代码,名称,层级,上级代码', '210113103,兴隆台街道,乡镇,210113', '210113103201,兴隆台村,村,210113103', '210113103202,孟家村,村,210113103', 'x,坏行,村,1'].join('\n')
  const result = await callAs<{ added: number; errors: { line: number }[] }>(deps, account, ADMIN, { action: 'importOrgs', csv })
  expect(result.added).toBe(3)
  expect(result.errors.map((e) => e.line)).toEqual([5])
  expect(await attempt(TOWNSHIP_CADRE, { action: 'importOrgs', csv })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  expect(await callAs(deps, account, ADMIN, { action: 'renameOrg', orgId: '210113103202', name: '孟家屯村' })).toMatchObject({ org: { name: '孟家屯村' } })

  const councilsOld = (await callAs<{ councils: number }>(deps, stats, ADMIN, { action: 'overview', orgId: TOWNSHIP })).councils
  const councilsNew = (await callAs<{ councils: number }>(deps, stats, ADMIN, { action: 'overview', orgId: '210113103' })).councils
  await callAs(deps, account, ADMIN, { action: 'moveVillage', orgId: VILLAGE, toParentId: '210113103' })
  expect((await callAs<{ councils: number }>(deps, stats, ADMIN, { action: 'overview', orgId: TOWNSHIP })).councils).toBe(councilsOld - 1)
  expect((await callAs<{ councils: number; members: number }>(deps, stats, ADMIN, { action: 'overview', orgId: '210113103' }))).toMatchObject({
    councils: councilsNew + 1,
    members: 6,
  })
})
