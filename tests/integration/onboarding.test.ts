/**
 * Onboarding keeps the councils and members counters of every org above, counting each org and
 * binding once however often it is repeated (a retried request, a re-run seed).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { aesGcmCipher, DEV_KEY } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { addOrg, bindRole, unbindRole } from '../../cloudfunctions/_shared/orgs/onboarding.service'
import { seedDemoProvince } from '../../cloudfunctions/_local/seed/seed'
import type { OrgRecord, Store } from '../../cloudfunctions/_shared/ports/store.port'

let store: Store
beforeEach(() => {
  // The seed writes people's records, sealed like any person's (sealed-identity.ts).
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'onboarding-')), 'store.sqlite'), aesGcmCipher(DEV_KEY))
})
afterEach(() => store.close())

const TREE: OrgRecord[] = [
  { id: 'p', name: '省', level: 'province', parentId: null },
  { id: 'c', name: '市', level: 'city', parentId: 'p' },
  { id: 'x', name: '县', level: 'county', parentId: 'c' },
  { id: 't', name: '镇', level: 'township', parentId: 'x' },
  { id: 'v1', name: '一村', level: 'village', parentId: 't' },
  { id: 'v2', name: '二村', level: 'village', parentId: 't' },
]
const figures = async (orgId: string) => {
  const counters = await store.counters.get(orgId)
  return { councils: counters.councils ?? 0, members: counters.members ?? 0 }
}

test('counts each village as a council, and each member binding at a village, for every org above', async () => {
  await store.transaction(async (tx) => {
    for (const org of [...TREE, ...TREE]) await addOrg(tx, org)
    await bindRole(tx, { openid: 'o1', role: 'member', orgId: 'v1' })
    await bindRole(tx, { openid: 'o1', role: 'member', orgId: 'v1' })
    await bindRole(tx, { openid: 'o2', role: 'member', orgId: 'v2' })
    await bindRole(tx, { openid: 'o2', role: 'convener', orgId: 'v2' })
    await bindRole(tx, { openid: 'o3', role: 'cadre', orgId: 't' })
    await bindRole(tx, { openid: 'o3', role: 'member', orgId: 't' }) // not a council: not counted
  })
  expect(await figures('v1')).toEqual({ councils: 1, members: 1 })
  expect(await figures('t')).toEqual({ councils: 2, members: 2 })
  expect(await figures('p')).toEqual({ councils: 2, members: 2 })

  await store.transaction(async (tx) => {
    await unbindRole(tx, { openid: 'o1', role: 'member', orgId: 'v1' })
    await unbindRole(tx, { openid: 'o1', role: 'member', orgId: 'v1' })
  })
  expect(await figures('p')).toEqual({ councils: 2, members: 1 })
})

test('refuses to move an org: its subtree counters would stay with the old parent', async () => {
  await store.transaction(async (tx) => {
    for (const org of TREE) await addOrg(tx, org)
  })
  await expect(store.transaction((tx) => addOrg(tx, { ...TREE[4]!, parentId: 'x' }))).rejects.toMatchObject({ code: 'CONFLICT' })
  await store.transaction((tx) => addOrg(tx, { ...TREE[4]!, name: '一村（更名）' }))
  expect(await figures('p')).toEqual({ councils: 2, members: 0 })
})

test('the demo seed counts its councils and members once, however often it runs', async () => {
  expect(await seedDemoProvince(store)).toBe(true)
  expect(await seedDemoProvince(store)).toBe(false)
  expect(await figures('210000')).toEqual({ councils: 13, members: 17 })
  expect(await figures('210113001201')).toEqual({ councils: 1, members: 6 })
})
