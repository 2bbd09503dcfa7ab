/**
 * The council's name that an open deliberation keeps (deliberations/council-name.ts), on SQLite with
 * the real handlers: every answer names the village as it is called now, through a rename by either
 * path, a rename racing the open, a close, and on a deliberation stored before the name was kept.
 */
import { accountFunction } from '../../cloudfunctions/account/account.function'
import { deliberationFunction } from '../../cloudfunctions/deliberation/deliberation.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import type { DeliberationDetail } from '../../types/deliberation.contract'
import { ADMIN, CONVENER, MEMBER, VILLAGE, aFreeTopicOpen } from '../support/demo'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'

const deliberation = deliberationFunction as FunctionDef
const account = accountFunction as FunctionDef

let deps: TestDeps
beforeEach(async () => {
  deps = await demoDeps()
})
afterEach(() => deps.store.close())

const open = async (on: TestDeps = deps) =>
  (await callAs<{ deliberationId: string }>(on, deliberation, CONVENER, aFreeTopicOpen(deps.clock.now()))).deliberationId
const get = async (id: string, as = MEMBER) =>
  (await callAs<{ deliberation: DeliberationDetail }>(deps, deliberation, as, { action: 'get', deliberationId: id })).deliberation
const vote = async (id: string) =>
  (await callAs<{ deliberation: DeliberationDetail }>(deps, deliberation, MEMBER, { action: 'vote', deliberationId: id, choices: [0] })).deliberation
const kept = async (id: string) => (await deps.store.deliberations.get(id))!.state.orgName

test('an open deliberation keeps its council’s name, and a rename of the village reaches it', async () => {
  const id = await open()
  expect(await kept(id)).toBe('蒲河村')
  expect((await vote(id)).orgName).toBe('蒲河村')

  await callAs(deps, account, ADMIN, { action: 'renameOrg', orgId: VILLAGE, name: '蒲河社区' })
  expect(await kept(id)).toBe('蒲河社区')
  expect((await get(id)).orgName).toBe('蒲河社区')
  expect((await vote(id)).orgName).toBe('蒲河社区')
})

test('a rename by import reaches the open deliberations too', async () => {
  const id = await open()
  const village = (await deps.store.orgs.get(VILLAGE))!
  const reply = await callAs<{ renamed: number; errors: unknown[] }>(deps, account, ADMIN, {
    action: 'importOrgs',
    csv: `${VILLAGE},蒲河新村,村,${village.parentId}`,
  })
  expect(reply).toMatchObject({ renamed: 1, errors: [] })
  expect((await get(id)).orgName).toBe('蒲河新村')
})

test('a closed deliberation, and one stored before the name was kept, answer the org’s name now', async () => {
  const closed = await open()
  await callAs(deps, deliberation, CONVENER, { action: 'close', deliberationId: closed })
  const older = await open()
  const stored = (await deps.store.deliberations.get(older))!
  const { orgName: _kept, ...before } = stored.state
  await deps.store.deliberations.update(before, stored.version)

  await callAs(deps, account, ADMIN, { action: 'renameOrg', orgId: VILLAGE, name: '蒲河社区' })
  expect((await get(closed)).orgName).toBe('蒲河社区')
  expect(await kept(closed)).toBe('蒲河村')
  expect((await get(older)).orgName).toBe('蒲河社区')
})

test('an open that read the name just before a rename still ends with the new name', async () => {
  // The rename lands between the open's read of the village and its commit: the open saw the old
  // name, the rename's search did not see the deliberation yet.
  const { store } = deps
  const racing: Store = {
    ...store,
    orgs: {
      ...store.orgs,
      path: async (orgId) => {
        const path = await store.orgs.path(orgId)
        await store.orgs.put({ ...path[0]!, name: '蒲河社区' })
        return path
      },
    },
  }
  const id = await open({ ...deps, store: racing })
  expect(await kept(id)).toBe('蒲河社区')
  expect((await get(id)).orgName).toBe('蒲河社区')
})
