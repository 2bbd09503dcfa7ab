/**
 * `npm run provision` (deploy/provision/) on CloudBase through @cloudbase/manager-node's real request
 * code, every request captured on 127.0.0.1 (support/captured-tencent-cloud.ts) and answered by a
 * stand-in environment (support/fake-cloudbase.ts): a first run creates every collection and index of
 * indexes.json in the management API's format and denies clients; a second run only reads.
 */
import { readManifest } from '../../deploy/provision/index-manifest'
import { runProvision } from '../../deploy/provision/run-provision'
import { captureTencentCloud, type CapturedCloud } from './support/captured-tencent-cloud'
import { bodiesOf, FakeCloudbase } from './support/fake-cloudbase'

const ENV_ID = 'fulian-test-1a2b3c'
const CREDENTIALS = { secretId: 'AKIDprovisiontest01', secretKey: 'provision-test-secret-key' }
const ENV = {
  TENCENTCLOUD_SECRETID: CREDENTIALS.secretId,
  TENCENTCLOUD_SECRETKEY: CREDENTIALS.secretKey,
  TCB_ENV_ID: ENV_ID,
  WX_APPID: 'wx0123456789abcdef',
}
const manifest = readManifest()
const WRITES = ['tcb:CreateTable', 'tcb:UpdateTable', 'tcb:ModifySafeRule']

let cloud: FakeCloudbase
let captured: CapturedCloud
let lines: string[]
const run = (env: Record<string, string | undefined> = ENV) => runProvision(env, (line) => lines.push(line))

beforeEach(async () => {
  lines = []
  cloud = new FakeCloudbase(ENV_ID)
  captured = await captureTencentCloud(cloud.answer, CREDENTIALS)
})

afterEach(async () => {
  await captured.restore()
})

test('a first run creates every collection, every index in the management format, and denies clients', async () => {
  expect(await run()).toBe(true)

  expect(bodiesOf(captured.requests, 'CreateTable').map((b) => b.TableName)).toEqual(manifest.collections.map((c) => c.name))
  for (const body of bodiesOf(captured.requests, 'CreateTable')) {
    expect(body).toMatchObject({ EnvId: ENV_ID, MongoConnector: { InstanceId: 'flexdb', DatabaseName: 'tnt-fake0001' } })
  }
  const created = bodiesOf(captured.requests, 'UpdateTable').flatMap((b) =>
    ((b.CreateIndexes as { IndexName: string }[] | undefined) ?? []).map((index) => ({ table: b.TableName, ...index })),
  )
  const wanted = manifest.collections.flatMap((c) => c.indexes.map((i) => ({ table: c.name, name: i.name, fields: i.fields, unique: i.unique })))
  expect(created.map((c) => `${String(c.table)}/${c.IndexName}`).sort()).toEqual(wanted.map((w) => `${w.table}/${w.name}`).sort())
  // One in the exact shape UpdateTable takes.
  expect(created.find((c) => c.IndexName === 'cases_by_holder_status')).toEqual({
    table: 'cases',
    IndexName: 'cases_by_holder_status',
    MgoKeySchema: {
      MgoIsUnique: false,
      MgoIndexKeys: [
        { Name: 'holderOrgId', Direction: '1' },
        { Name: 'status', Direction: '1' },
        { Name: 'updatedAt', Direction: '-1' },
        { Name: '_id', Direction: '-1' },
      ],
    },
  })
  const rules = bodiesOf(captured.requests, 'ModifySafeRule')
  expect(rules.map((b) => b.CollectionName)).toEqual(manifest.collections.map((c) => c.name))
  for (const body of rules) expect(body).toEqual({ EnvId: ENV_ID, CollectionName: body.CollectionName, AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' })
})

test('a second run changes nothing: it describes and sends no create or update', async () => {
  await run()
  const from = captured.requests.length
  lines = []

  expect(await run()).toBe(true)

  const actions = captured.actionsSince(from)
  expect(actions.filter((a) => WRITES.includes(a))).toEqual([])
  expect(new Set(actions)).toEqual(new Set(['tcb:DescribeEnvInfo', 'tcb:ListTables', 'tcb:DescribeTable', 'tcb:DescribeSafeRule']))
  expect(lines[0]).toMatch(/nothing to change/)
})

test('only what differs is changed: a missing index, an index with other keys, an open rule; a foreign index stays', async () => {
  await run()
  const cases = cloud.tables.get('cases')!
  cases.indexes = cases.indexes.filter((i) => i.Name !== 'cases_by_reporter')
  cases.indexes.find((i) => i.Name === 'cases_due')!.Keys = [{ Name: 'dueAt', Direction: '-1' }]
  cases.indexes.push({ Name: 'made_in_console', Keys: [{ Name: 'title', Direction: '1' }], Unique: false })
  Object.assign(cloud.tables.get('orgs')!, { aclTag: 'READONLY', rule: null })
  Object.assign(cloud.tables.get('users')!, { aclTag: 'CUSTOM', rule: '{"read": true, "write": false}' })
  // The console's 「所有用户不可读写」 denies clients as well: left as it is.
  Object.assign(cloud.tables.get('audit')!, { aclTag: 'ADMINONLY', rule: null })
  const from = captured.requests.length

  expect(await run()).toBe(true)

  const later = captured.requests.slice(from)
  expect(bodiesOf(later, 'CreateTable')).toEqual([])
  expect(bodiesOf(later, 'UpdateTable')).toEqual([
    expect.objectContaining({ TableName: 'cases', DropIndexes: [{ IndexName: 'cases_due' }] }),
    expect.objectContaining({
      TableName: 'cases',
      CreateIndexes: [expect.objectContaining({ IndexName: 'cases_by_reporter' }), expect.objectContaining({ IndexName: 'cases_due' })],
    }),
  ])
  expect(bodiesOf(later, 'ModifySafeRule').map((b) => b.CollectionName)).toEqual(['orgs', 'users'])
  expect(cases.indexes.map((i) => i.Name)).toContain('made_in_console')
  expect(lines).toContainEqual(expect.stringContaining('made_in_console is not in indexes.json'))
})

test('nothing is sent without the credentials, the environment or the AppID; each is named in Chinese and English', async () => {
  expect(await run({ TENCENTCLOUD_SECRETID: 'AKIDx', TENCENTCLOUD_SECRETKEY: 'y' })).toBe(false)
  expect(captured.requests).toHaveLength(0)
  expect(lines).toContainEqual(expect.stringMatching(/^缺少环境变量 TCB_ENV_ID.* \/ Missing environment variable TCB_ENV_ID/))
  expect(lines).toContainEqual(expect.stringMatching(/^缺少环境变量 WX_APPID.* \/ Missing environment variable WX_APPID/))
})
