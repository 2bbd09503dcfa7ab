/**
 * The backfill of `dueAt` into deliberation documents put before the field (deliberation-due.migration.ts),
 * on the emulator through the real node-sdk: the due query finds the open ones where the adapter would
 * now put them (the reminder owed, else the deadline), a closed one is left alone, and a second run
 * writes nothing.
 */
import { createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import { backfillDeliberationDue } from '../../cloudfunctions/_shared/adapters/cloudbase/deliberation-due.migration'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import manifest from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import { nextDeliberationDue, type DeliberationState } from '../../cloudfunctions/_shared/domain'
import { Council, T0, hoursAfter } from '../unit/domain/deliberation.builders'
import { useEmulatorDatabase } from './emulator.fixture'

const cloud = useEmulatorDatabase('deliberation-due')

function aStored(id: string, then?: (council: Council) => void): DeliberationState {
  const council = new Council({ deliberationId: id, closesAt: hoursAfter(T0, 72) })
  then?.(council)
  return council.state
}

test('old open deliberations get their next due instant; closed ones are left; a rerun writes nothing', async () => {
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  const owed = aStored('d-owed')
  const reminded = aStored('d-reminded', (c) => c.try(() => ({ type: 'RemindVoters', at: c.state.remindAt, actor: 'system' })))
  const closed = aStored('d-closed', (c) => c.close())
  // The documents exactly as the adapter wrote them before the field.
  for (const s of [owed, reminded, closed]) {
    const remindDueAt = s.status === 'open' && s.remindedAt === undefined ? s.remindAt : null
    cloud.emulator.database.put('deliberations', {
      _id: s.id, version: 1, orgId: s.orgId, status: s.status, openedAt: s.openedAt, closesAt: s.closesAt, remindDueAt, caseId: null, state: s,
    })
  }
  const store = createCloudbaseStore(cloud.db, { cipher: aesGcmCipher(DEV_KEY) })
  expect(await store.deliberations.due(owed.closesAt, 10)).toEqual([])

  expect(await backfillDeliberationDue(cloud.db)).toBe(2)
  expect(await store.deliberations.due(owed.remindAt, 10)).toEqual([{ id: 'd-owed', dueAt: nextDeliberationDue(owed) }])
  expect((await store.deliberations.due(owed.closesAt, 10)).map((d) => d.id)).toEqual(['d-owed', 'd-reminded'])
  expect(cloud.emulator.database.find('deliberations', { _id: 'd-closed' })[0]).not.toHaveProperty('dueAt')
  expect(await store.deliberations.get('d-owed')).toEqual({ state: owed, version: 1 })
  expect(await backfillDeliberationDue(cloud.db)).toBe(0)
})
