/**
 * The backfill of `ancestors` into org documents put before the field (org-ancestors.migration.ts),
 * on the emulator through the real node-sdk: every document gets the field (the root an empty one),
 * paths read the same before and after, and a second run writes nothing.
 */
import { createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import { backfillOrgAncestors } from '../../cloudfunctions/_shared/adapters/cloudbase/org-ancestors.migration'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import manifest from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import { useEmulatorDatabase } from './emulator.fixture'

const cloud = useEmulatorDatabase('org-ancestors')

test('old org documents get their ancestors; their paths stay the same', async () => {
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  // The documents exactly as the adapter wrote them before the field.
  const tree = [
    { _id: 'p', name: '辽宁省', level: 'province', parentId: null },
    { _id: 'p1', name: '沈阳市', level: 'city', parentId: 'p' },
    { _id: 'p1a', name: '新民市', level: 'county', parentId: 'p1' },
    { _id: 'p1a1', name: '大柳屯镇', level: 'township', parentId: 'p1a' },
    { _id: 'p1a1v', name: '蒲河村', level: 'village', parentId: 'p1a1' },
  ]
  for (const doc of tree) cloud.emulator.database.put('orgs', doc)
  const store = createCloudbaseStore(cloud.db, { cipher: aesGcmCipher(DEV_KEY) })
  const expected = [...tree].reverse().map(({ _id, ...org }) => ({ id: _id, ...org }))
  expect(await store.orgs.path('p1a1v')).toEqual(expected)

  expect(await backfillOrgAncestors(cloud.db)).toBe(5)
  expect(cloud.emulator.database.find('orgs', { _id: 'p1a1v' })[0]?.ancestors).toEqual(['p1a1', 'p1a', 'p1', 'p'])
  expect(cloud.emulator.database.find('orgs', { _id: 'p' })[0]?.ancestors).toEqual([])
  expect(await store.orgs.path('p1a1v')).toEqual(expected)
  expect(await backfillOrgAncestors(cloud.db)).toBe(0)
})
