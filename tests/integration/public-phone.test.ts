/**
 * A convener's number, one tap to call from 首页 (account.setPublicPhone, account.me's
 * council.convenerPhone), through the fixed HTTP surface on each host: the local one on SQLite and the
 * production path (the built bundles on the function runner and the CloudBase emulator). The demo seed
 * gives 王秀兰 13800001234. The tests run in order on one host per kind.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { CONVENER, MEMBER, OTHER_RESIDENT, RESIDENT, TOWNSHIP_CADRE, VILLAGE, VILLAGE_CADRE } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import { PUBLIC_PHONE_PROBLEM, type AccountResults } from '../../types/account.contract'

type Me = AccountResults['me']

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  const me = (openid: string) => dataOf<Me>(host, 'account', openid, { action: 'me' })
  const setPhone = (openid: string, phone: string | null, extra: Record<string, unknown> = {}) =>
    dataOf<{ publicPhone: string | null }>(host, 'account', openid, { action: 'setPublicPhone', phone, ...extra })
  const refusal = (openid: string, body: Record<string, unknown>) => refusalOf(host, 'account', openid, { action: 'setPublicPhone', ...body })
  const convenerPhoneFor = async (openid: string) => (await me(openid)).council?.convenerPhone

  test('the convener changes her number: she and her council’s residents see the new one; the log says so', async () => {
    expect(await me(RESIDENT)).toMatchObject({
      publicPhone: null,
      council: { orgId: VILLAGE, name: '蒲河村议事会', convener: '王秀兰', convenerPhone: '13800001234' },
    })
    expect(await setPhone(CONVENER, ' １３９ 1234 5678 ')).toEqual({ publicPhone: '13912345678' })
    expect((await me(CONVENER)).publicPhone).toBe('13912345678')
    for (const openid of [RESIDENT, OTHER_RESIDENT, MEMBER]) expect(await convenerPhoneFor(openid)).toBe('13912345678')

    // A landline with its area code is a number residents can call too.
    expect(await setPhone(CONVENER, '024-12345678')).toEqual({ publicPhone: '024-12345678' })
    expect(await convenerPhoneFor(RESIDENT)).toBe('024-12345678')

    const { items } = await dataOf<AccountResults['audit']>(host, 'account', VILLAGE_CADRE, { action: 'audit', orgId: VILLAGE })
    const lines = items.filter((i) => i.action === 'account.setPublicPhone').map((i) => [i.actor, i.summary, i.orgName])
    expect(lines).toEqual([
      ['王秀兰（议事会主任）', '更换联系电话', '蒲河村'],
      ['王秀兰（议事会主任）', '更换联系电话', '蒲河村'],
    ])
    // The log says what she did, never the number.
    expect(JSON.stringify(items)).not.toContain('13912345678')
  })

  test('a number that is not one is refused in Chinese, and the stored one stays', async () => {
    for (const phone of ['12345', '23800001234', '138000012345', '电话']) {
      expect(await refusal(CONVENER, { phone })).toMatchObject({ code: 'INVALID_INPUT', message: PUBLIC_PHONE_PROBLEM })
    }
    expect(await refusal(CONVENER, {})).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await convenerPhoneFor(RESIDENT)).toBe('024-12345678')
  })

  test('only a convener may publish one: residents, members and cadres are refused, whoever the body names', async () => {
    for (const openid of [RESIDENT, MEMBER, VILLAGE_CADRE, TOWNSHIP_CADRE]) {
      expect(await refusal(openid, { phone: '13711112222' })).toMatchObject({ code: 'FORBIDDEN', message: '只有议事会主任可以留联系电话' })
    }
    expect(await refusal(RESIDENT, { phone: '13711112222', openid: CONVENER })).toMatchObject({ code: 'FORBIDDEN' })
    expect((await me(RESIDENT)).publicPhone).toBeNull()
    expect((await me(MEMBER)).publicPhone).toBeNull()
    expect(await convenerPhoneFor(RESIDENT)).toBe('024-12345678')
  })

  test('redeeming an invitation keeps her name and number', async () => {
    const { code } = await dataOf<{ code: string }>(host, 'account', TOWNSHIP_CADRE, { action: 'invite', role: 'cadre', orgId: VILLAGE })
    await dataOf(host, 'account', CONVENER, { action: 'redeem', code })
    expect(await me(CONVENER)).toMatchObject({ name: '王秀兰', homeOrgId: VILLAGE, publicPhone: '024-12345678' })
  })

  test('she clears it (empty or null): 首页 shows her name without a number', async () => {
    expect(await setPhone(CONVENER, '')).toEqual({ publicPhone: null })
    expect(await me(RESIDENT)).toMatchObject({ council: { convener: '王秀兰', convenerPhone: null } })
    expect(await setPhone(CONVENER, null)).toEqual({ publicPhone: null })
    expect((await me(CONVENER)).publicPhone).toBeNull()
    const { items } = await dataOf<AccountResults['audit']>(host, 'account', VILLAGE_CADRE, { action: 'audit', orgId: VILLAGE })
    // Clearing what is already clear changes nothing and writes no second line.
    expect(items.filter((i) => i.summary === '清除联系电话')).toHaveLength(1)
  })
})
