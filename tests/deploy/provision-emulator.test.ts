/**
 * `npm run provision`'s logic (deploy/provision/provision.runner.ts) on the local CloudBase emulator
 * through its database admin (emulator.target.ts), end to end: the production store, over the real
 * node-sdk, can then run a query the emulator only answers when its index is provisioned. The result
 * is what the cloud host provisions today (tools/cloud-host/cloud-host.ts: createCollection for each,
 * then createIndexes), so the host could call this instead.
 */
import { createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import type { CloudbaseDb } from '../../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'
import manifestJson from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import { emulatorTarget } from '../../deploy/provision/emulator.target'
import { readManifest } from '../../deploy/provision/index-manifest'
import { provision } from '../../deploy/provision/provision.runner'
import type { CloudEmulator } from '../../tools/cloud-emulator/emulator'
import { freshDataDir, rejectionCode, removeDataDir, sdkApp, startTestEmulator, testFunction } from '../emulator/emulator.fixture'

let dataDir: string
let emulator: CloudEmulator
const lines: string[] = []
const log = (line: string) => lines.push(line)
const manifest = readManifest()

beforeAll(async () => {
  dataDir = freshDataDir()
  emulator = await startTestEmulator({ dataDir })
})

afterAll(async () => {
  await emulator.close()
  removeDataDir(dataDir)
})

const sorted = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)))

test('provisions what the cloud host provisions: every collection and index of indexes.json', async () => {
  emulator.database.reset()
  const plan = await provision(emulatorTarget(emulator.database), manifest, { log })
  const mine = { collections: emulator.database.collections().sort(), indexes: sorted(emulator.database.indexes(), (i) => i.name) }

  emulator.database.reset()
  for (const name of manifestJson.collections) emulator.database.createCollection(name)
  emulator.database.createIndexes(manifestJson)
  const host = { collections: emulator.database.collections().sort(), indexes: sorted(emulator.database.indexes(), (i) => i.name) }

  expect(mine).toEqual(host)
  expect(plan.steps.filter((s) => s.kind === 'createCollection')).toHaveLength(manifest.collections.length)
  // The emulator has no client access to rule: no rule step is planned.
  expect(plan.steps.some((s) => s.kind === 'denyClients')).toBe(false)
})

test('a second run plans nothing', async () => {
  emulator.database.reset()
  await provision(emulatorTarget(emulator.database), manifest, { log })
  const again = await provision(emulatorTarget(emulator.database), manifest, { log })
  expect(again.steps).toEqual([])
})

test('an index changed in the manifest is replaced under its name', async () => {
  emulator.database.reset()
  await provision(emulatorTarget(emulator.database), manifest, { log })
  emulator.database.createIndexes({ indexes: [{ collection: 'orgs', name: 'orgs_by_parent', fields: [{ name: 'level', direction: 1 }] }] })

  const plan = await provision(emulatorTarget(emulator.database), manifest, { log })

  expect(plan.steps).toEqual([expect.objectContaining({ kind: 'updateIndexes', collection: 'orgs', create: [], replace: [expect.objectContaining({ name: 'orgs_by_parent' })] })])
  expect(emulator.database.indexes().find((i) => i.name === 'orgs_by_parent')?.fields.map((f) => f.name)).toEqual(['parentId', '_id'])
})

test('end to end: the production store runs an indexed query only once the environment is provisioned', async () => {
  const fn = testFunction('provision-e2e')
  emulator.registerFunction(fn)
  const store = createCloudbaseStore(sdkApp(emulator, fn).database() as CloudbaseDb)

  emulator.database.reset()
  for (const { name } of manifest.collections) emulator.database.createCollection(name)
  emulator.database.put('orgs', { _id: 'province', name: '某省', level: 'province', parentId: null })
  expect(await rejectionCode(store.orgs.children(null))).toBe('EMULATOR_QUERY_NOT_INDEXED')

  await provision(emulatorTarget(emulator.database), manifest, { log })
  expect((await store.orgs.children(null)).map((org) => org.id)).toEqual(['province'])
})
