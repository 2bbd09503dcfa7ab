/**
 * The emulator's database, driven by the real @cloudbase/node-sdk over HTTP (emulator.fixture.ts): the
 * CloudBase rules the adapter depends on, the transactions, the wire formats, persistence, and the
 * front's refusals.
 */
import { sign } from '@cloudbase/signature-nodejs'
import fc from 'fast-check'
import type { CloudEmulator } from '../../tools/cloud-emulator/emulator'
import type { FunctionRegistration } from '../../tools/cloud-emulator/service.types'
import {
  freshDataDir,
  rejectionCode,
  removeDataDir,
  sdkApp,
  startTestEmulator,
  testFunction,
  type SdkApp,
} from './emulator.fixture'

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'

const manifest = {
  collections: ['meta', 'items'],
  indexes: [
    { collection: 'items', name: 'items_by_status', fields: [{ name: 'status', direction: 1 }, { name: 'rank', direction: 1 }] },
    { collection: 'items', name: 'items_by_owner', fields: [{ name: 'owner.id', direction: 1 }] },
  ],
}

let clock = Date.UTC(2026, 0, 1)
let dataDir: string
let emulator: CloudEmulator
let db: SdkApp
let app: SdkApp

beforeAll(async () => {
  dataDir = freshDataDir()
  emulator = await startTestEmulator({ dataDir, now: () => clock })
  const fn = testFunction()
  emulator.registerFunction(fn)
  app = sdkApp(emulator, fn)
  db = app.database()
})

beforeEach(() => {
  emulator.database.reset()
  emulator.database.provision(manifest)
})

afterEach(() => {
  expect(emulator.database.openTransactions()).toBe(0)
})

afterAll(async () => {
  await emulator.close()
  removeDataDir(dataDir)
})

describe('CloudBase rules', () => {
  test('a collection must exist: reads, writes and transactions on a missing one fail with DATABASE_COLLECTION_NOT_EXIST', async () => {
    expect(await rejectionCode(db.collection('nope').get())).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(await rejectionCode(db.collection('nope').doc('a').set({ v: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(await rejectionCode(db.collection('nope').add({ v: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(await rejectionCode(db.runTransaction((tx: SdkApp) => tx.collection('nope').doc('a').get()))).toBe(
      'DATABASE_COLLECTION_NOT_EXIST',
    )
    // The SDK's createCollection creates it, once.
    await db.createCollection('fresh')
    expect(await rejectionCode(db.createCollection('fresh'))).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
    expect((await db.collection('fresh').get()).data).toEqual([])
    expect(emulator.database.collections()).toContain('fresh')
  })

  test('a transaction takes doc() operations only: a where() inside one is refused', async () => {
    await db.collection('items').doc('a').set({ status: 'open', rank: 1 })
    await expect(
      db.runTransaction((tx: SdkApp) => tx.collection('items').where({ status: 'open' }).get()),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/doc\(\) operations only/) })
    await expect(db.runTransaction((tx: SdkApp) => tx.collection('items').get())).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    })
  })

  test('get() answers 100 rows by default and never more than 1000, whatever limit says; count() counts all', async () => {
    for (let i = 0; i < 1005; i++) emulator.database.put('meta', { _id: `k${String(i).padStart(4, '0')}`, i })
    expect((await db.collection('meta').get()).data).toHaveLength(100)
    expect((await db.collection('meta').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('meta').orderBy('_id', 'asc').skip(1000).limit(1000).get()).data.map((d: { i: number }) => d.i)).toEqual([
      1000, 1001, 1002, 1003, 1004,
    ])
    expect((await db.collection('meta').count()).total).toBe(1005)
  })

  test('a query no provisioned index covers is refused (stricter than CloudBase); a covered one runs', async () => {
    await db.collection('items').doc('a').set({ status: 'open', rank: 2, title: 'x', owner: { id: 'o1' } })
    const refused = 'EMULATOR_QUERY_NOT_INDEXED'
    expect(await rejectionCode(db.collection('items').where({ title: 'x' }).get())).toBe(refused)
    expect(await rejectionCode(db.collection('items').orderBy('title', 'asc').get())).toBe(refused)
    expect(await rejectionCode(db.collection('items').where({ status: 'open', title: 'x' }).count())).toBe(refused)
    expect(await rejectionCode(db.collection('items').where({ title: 'x' }).update({ rank: 3 }))).toBe(refused)
    expect(await rejectionCode(db.collection('items').where({ title: 'x' }).remove())).toBe(refused)
    // Every field of the query in one index (a nested field by its dotted path); _id always counts as indexed.
    expect((await db.collection('items').where({ status: 'open' }).orderBy('rank', 'desc').orderBy('_id', 'asc').get()).data).toHaveLength(1)
    expect((await db.collection('items').where({ owner: { id: 'o1' } }).get()).data).toHaveLength(1)
    expect((await db.collection('items').where({ _id: db.command.in(['a', 'b']) }).get()).data).toHaveLength(1)
  })
})

describe('transactions', () => {
  test('20 concurrent read-increment-write transactions on one document: conflicts are retried and the count ends exact', async () => {
    await db.collection('meta').doc('n').set({ value: 0 })
    let attempts = 0
    let rounds = 0
    const increment = async () => {
      // The SDK's runTransaction retries DATABASE_TRANSACTION_CONFLICT three times; past that, once more here.
      for (;;) {
        rounds++
        try {
          return await db.runTransaction(async (tx: SdkApp) => {
            attempts++
            const { data } = await tx.collection('meta').doc('n').get()
            await tx.collection('meta').doc('n').set({ value: data.value + 1 })
          })
        } catch (error) {
          if ((error as { code?: unknown }).code !== CONFLICT) throw error
        }
      }
    }
    await Promise.all(Array.from({ length: 20 }, increment))
    expect((await db.collection('meta').doc('n').get()).data[0].value).toBe(20)
    // More callback runs than runTransaction calls: the SDK itself started new transactions on conflict.
    expect(attempts).toBeGreaterThan(rounds)
    const log = emulator.requests()
    expect(log.filter((r) => r.action === 'database.commitTransaction' && !r.error)).toHaveLength(20)
    expect(log.some((r) => r.error === CONFLICT)).toBe(true)
  })

  test('reads are a snapshot; writing a document committed after the snapshot conflicts and ends the transaction', async () => {
    await db.collection('meta').doc('a').set({ v: 1 })
    const tx = await db.startTransaction()
    expect((await tx.collection('meta').doc('a').get()).data.v).toBe(1)
    await db.collection('meta').doc('a').set({ v: 2 })
    expect((await tx.collection('meta').doc('a').get()).data.v).toBe(1)
    expect(await rejectionCode(tx.collection('meta').doc('a').update({ v: 3 }))).toBe(CONFLICT)
    expect(await rejectionCode(tx.commit())).toBe('DATABASE_TRANSACTION_FAIL')
    expect((await db.collection('meta').doc('a').get()).data[0].v).toBe(2)
  })

  test('the first writer holds a document: a second transaction writing it conflicts, a plain write to it is refused', async () => {
    const first = await db.startTransaction()
    const second = await db.startTransaction()
    await first.collection('meta').doc('a').set({ by: 'first' })
    expect(await rejectionCode(second.collection('meta').doc('a').set({ by: 'second' }))).toBe(CONFLICT)
    expect(await rejectionCode(db.collection('meta').doc('a').set({ by: 'plain' }))).toBe(CONFLICT)
    // Others see nothing until the commit, then everything at once.
    await first.collection('meta').doc('b').set({ by: 'first' })
    expect((await db.collection('meta').get()).data).toEqual([])
    await first.commit()
    expect((await db.collection('meta').orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'a', by: 'first' },
      { _id: 'b', by: 'first' },
    ])
    await db.collection('meta').doc('a').set({ by: 'plain' })
  })

  test('a transaction sees its own writes; rollback drops them; a failing callback rolls back', async () => {
    const tx = await db.startTransaction()
    await tx.collection('meta').doc('a').set({ v: 1 })
    expect((await tx.collection('meta').doc('a').get()).data).toEqual({ _id: 'a', v: 1 })
    const added = await tx.collection('meta').add({ v: 2 })
    expect(typeof added.id).toBe('string')
    await tx.rollback()
    await expect(
      db.runTransaction(async (t: SdkApp) => {
        await t.collection('meta').doc('c').set({ v: 3 })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect((await db.collection('meta').get()).data).toEqual([])
  })

  test('a transaction left open expires after 30 s of the emulated clock and releases what it held', async () => {
    const tx = await db.startTransaction()
    await tx.collection('meta').doc('a').set({ v: 1 })
    expect(emulator.database.openTransactions()).toBe(1)
    clock += 30_001
    expect(await rejectionCode(tx.collection('meta').doc('a').get())).toBe('DATABASE_TRANSACTION_FAIL')
    expect(await rejectionCode(tx.commit())).toBe('DATABASE_TRANSACTION_FAIL')
    await db.collection('meta').doc('a').set({ v: 2 })
    expect((await db.collection('meta').doc('a').get()).data).toEqual([{ _id: 'a', v: 2 }])
  })
})

describe('wire formats', () => {
  test('EJSON round-trips: dates, integers, doubles, nulls, nested objects and arrays come back as written', async () => {
    const doc = { when: new Date('2026-03-04T05:06:07.089Z'), int: 7, double: 1.5, big: 2 ** 40, none: null, nested: { a: [1, 'two', { three: 3 }] }, text: '妇女议事会 "3+1"' }
    await db.collection('meta').doc('a').set(doc)
    const [read] = (await db.collection('meta').doc('a').get()).data
    expect(read).toEqual({ _id: 'a', ...doc })
    expect(read.when).toBeInstanceOf(Date)
    expect(emulator.database.find('meta')).toEqual([{ _id: 'a', ...doc }])
  })

  test('update operators as node-sdk emits them: nested merge, inc, push, remove(), serverDate by the emulated clock', async () => {
    await db.collection('meta').doc('a').set({ n: 1, tags: ['x'], nested: { keep: 1, drop: 2 }, gone: true })
    const _ = db.command
    const res = await db.collection('meta').doc('a').update({
      n: _.inc(2),
      tags: _.push(['y', 'z']),
      nested: { drop: _.remove(), added: 3 },
      gone: _.remove(),
      at: db.serverDate({ offset: 1000 }),
    })
    expect(res.updated).toBe(1)
    const [read] = (await db.collection('meta').doc('a').get()).data
    expect(read).toEqual({ _id: 'a', n: 3, tags: ['x', 'y', 'z'], nested: { keep: 1, added: 3 }, at: new Date(clock + 1000) })
    // update() on a missing document changes nothing and creates nothing; set() creates it.
    expect((await db.collection('meta').doc('missing').update({ n: 1 })).updated).toBe(0)
    expect((await db.collection('meta').doc('missing').get()).data).toEqual([])
    expect(await db.collection('meta').doc('new').set({ n: 1 })).toMatchObject({ updated: 0, upsertedId: 'new' })
    expect(await db.collection('meta').doc('new').set({ n: 2 })).toMatchObject({ updated: 1 })
  })

  test('where().update() and where().remove() touch every match; field(), orderBy, skip and limit shape reads', async () => {
    const _ = db.command
    for (const [id, status, rank] of [['a', 'open', 3], ['b', 'open', 1], ['c', 'done', 2], ['d', 'open', 2]] as const) {
      await db.collection('items').doc(id).set({ status, rank, title: `t-${id}` })
    }
    const page = await db.collection('items').where({ status: 'open' }).orderBy('rank', 'desc').skip(1).limit(1).field({ rank: true }).get()
    expect(page.data).toEqual([{ _id: 'd', rank: 2 }])
    expect((await db.collection('items').doc('a').field({ title: true }).get()).data).toEqual([{ _id: 'a', title: 't-a' }])
    expect((await db.collection('items').where({ status: 'open', rank: _.gte(2) }).update({ status: 'late' })).updated).toBe(2)
    expect((await db.collection('items').where({ status: 'late' }).count()).total).toBe(2)
    expect((await db.collection('items').where(_.or([{ status: 'late' }, { status: 'done' }])).remove()).deleted).toBe(3)
    expect(emulator.database.find('items').map((d) => d._id)).toEqual(['b'])
  })

  test('add() makes an id; inserting an existing _id fails with DATABASE_DUPLICATE_WRITE', async () => {
    const { id } = await db.collection('meta').add({ v: 1 })
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(await rejectionCode(db.collection('meta').add({ _id: id, v: 2 }))).toBe('DATABASE_DUPLICATE_WRITE')
    expect(emulator.database.find('meta', { _id: id })).toEqual([{ _id: id, v: 1 }])
  })
})

describe('persistence', () => {
  test('a restart on the same data directory keeps every committed document, the collections and the indexes', async () => {
    const dir = freshDataDir()
    const fn = testFunction('restart-fn')
    let first: CloudEmulator | undefined = await startTestEmulator({ dataDir: dir })
    first.registerFunction(fn)
    first.database.provision(manifest)
    let d = sdkApp(first, fn).database()
    await d.collection('items').doc('a').set({ status: 'open', rank: 1, at: new Date(5) })
    await d.runTransaction((tx: SdkApp) => tx.collection('meta').doc('committed').set({ v: 1 }))
    const open = await d.startTransaction()
    await open.collection('meta').doc('uncommitted').set({ v: 1 })
    await first.close()
    first = undefined

    const second = await startTestEmulator({ dataDir: dir })
    try {
      second.registerFunction(fn)
      d = sdkApp(second, fn).database()
      expect(second.database.collections().sort()).toEqual(['items', 'meta'])
      expect(second.database.indexes().map((i) => i.name).sort()).toEqual(['items_by_owner', 'items_by_status'])
      expect((await d.collection('items').where({ status: 'open' }).get()).data).toEqual([{ _id: 'a', status: 'open', rank: 1, at: new Date(5) }])
      expect((await d.collection('meta').get()).data).toEqual([{ _id: 'committed', v: 1 }])
      expect(await rejectionCode(d.collection('items').where({ title: 'x' }).get())).toBe('EMULATOR_QUERY_NOT_INDEXED')
      // The transaction left open when the emulator stopped is gone: nothing of it was committed.
      expect(second.database.openTransactions()).toBe(0)
    } finally {
      await second.close()
      removeDataDir(dir)
    }
  })
})

/** A request signed as node-sdk signs it (tcbapirequester.js getHeaders), with any params at all. */
async function signedPost(fn: FunctionRegistration, params: Record<string, unknown>): Promise<Response> {
  const url = `${emulator.adminUrl}?env=${emulator.envId}&seqId=fuzz`
  const headers = { 'content-type': 'application/json', 'user-agent': 'fuzz', 'x-tcb-source': ',scf', host: new URL(url).host }
  const timestamp = Math.floor(Date.now() / 1000) - 1
  const { authorization } = sign({ secretId: fn.secretId, secretKey: fn.secretKey, method: 'post', url, params, headers, timestamp, withSignedParams: true })
  const { host: _host, ...sent } = headers
  return fetch(url, { method: 'POST', headers: { ...sent, authorization, 'x-timestamp': String(timestamp) }, body: JSON.stringify(params) })
}

describe('the HTTP front', () => {
  test('unknown credentials, a wrong key, a wrong session token and a wrong environment are refused', async () => {
    const stranger = testFunction('stranger')
    const known = testFunction('known')
    emulator.registerFunction(known)
    expect(await rejectionCode(sdkApp(emulator, stranger).database().collection('meta').get())).toBe('SIGN_PARAM_INVALID')
    expect(await rejectionCode(sdkApp(emulator, { ...known, secretKey: 'wrong' }).database().collection('meta').get())).toBe('SIGN_PARAM_INVALID')
    expect(await rejectionCode(sdkApp(emulator, { ...known, sessionToken: 'wrong' }).database().collection('meta').get())).toBe('SIGN_PARAM_INVALID')
    expect(await rejectionCode(sdkApp(emulator, known, { env: 'another-env' }).database().collection('meta').get())).toBe('INVALID_ENV')
    expect((await sdkApp(emulator, known).database().collection('meta').get()).data).toEqual([])
    expect(emulator.requests().filter((r) => r.functionName === 'known')).toHaveLength(1)
  })

  test('malformed and unsigned bodies answer an error body, and the server keeps serving', async () => {
    const post = async (body: string | Uint8Array<ArrayBuffer>, contentType: string) => {
      const res = await fetch(emulator.adminUrl + '?env=emu-test', { method: 'POST', headers: { 'content-type': contentType }, body })
      expect(res.status).toBe(200)
      return (await res.json()) as { code: string; message: string; requestId: string }
    }
    expect(await post('{not json', 'application/json')).toMatchObject({ code: 'INVALID_PARAM' })
    expect(await post('[1,2]', 'application/json')).toMatchObject({ code: 'INVALID_PARAM' })
    expect(await post('{"action":42}', 'application/json')).toMatchObject({ code: 'INVALID_PARAM' })
    expect(await post(new Uint8Array([0xff, 0xfe, 0x00]), 'multipart/form-data; boundary=x')).toMatchObject({ code: 'INVALID_PARAM' })
    expect(await post('{"action":"database.getDocument","collectionName":"meta"}', 'application/json')).toMatchObject({
      code: 'SIGN_PARAM_INVALID',
      requestId: expect.any(String),
    })
    const get = await fetch(emulator.adminUrl)
    expect(await get.json()).toMatchObject({ code: 'INVALID_PARAM' })
    expect((await db.collection('meta').get()).data).toEqual([])
  })

  test('signed requests with arbitrary params never break the server: each answers HTTP 200 with a body', async () => {
    const fn = testFunction('fuzzer')
    emulator.registerFunction(fn)
    const actions = [
      'database.getDocument', 'database.modifyDocument', 'database.insertDocument', 'database.removeDocument',
      'database.calculateDocument', 'database.startTransaction', 'database.commitTransaction', 'database.abortTransaction',
      'database.addCollection', 'database.modifyAndReturnDoc', 'storage.getUploadMetadata', 'storage.batchGetDownloadUrl',
      'storage.batchDeleteFile', 'wx.api', 'nonsense',
    ]
    const ejson = fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.constantFrom('{"_id":"a"}', '{"$set":{"x":1}}', '{"a":{"$bogus":1}}', '{"_id":{"$in":[]}}', '{"x":{"$date":"nope"}}'))
    const value = fc.oneof(fc.jsonValue(), ejson, fc.array(ejson, { maxLength: 3 }))
    const params = fc.record(
      {
        action: fc.constantFrom(...actions),
        collectionName: fc.oneof(fc.constantFrom('meta', 'items', 'nope', ''), fc.jsonValue()),
        queryType: fc.constantFrom('DOC', 'WHERE', 'other'),
        query: value,
        data: value,
        order: value,
        projection: value,
        limit: fc.jsonValue(),
        offset: fc.jsonValue(),
        transactionId: fc.oneof(fc.string(), fc.jsonValue()),
        merge: fc.jsonValue(),
        upsert: fc.jsonValue(),
        multi: fc.jsonValue(),
        path: fc.oneof(fc.string(), fc.jsonValue()),
        file_list: value,
        fileid_list: value,
      },
      { requiredKeys: ['action'] },
    )
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const res = await signedPost(fn, { ...p, envName: emulator.envId, sessionToken: fn.sessionToken })
        expect(res.status).toBe(200)
        const body = (await res.json()) as { requestId?: unknown; code?: unknown }
        expect(typeof body.requestId).toBe('string')
      }),
      { numRuns: 300 },
    )
    // The signatures held (the requests reached the services), and the server still answers the SDK.
    const reached = emulator.requests().filter((r) => r.functionName === 'fuzzer')
    expect(reached.length).toBeGreaterThanOrEqual(300)
    expect(new Set(reached.map((r) => r.error ?? 'ok')).size).toBeGreaterThan(3)
    expect((await db.collection('items').where({ status: 'x' }).get()).data).toEqual([])
    emulator.database.reset()
  })

  test('the open APIs answer an error envelope when the emulator has no handler for them', async () => {
    expect(await rejectionCode(app.callCompatibleWxOpenApi({ apiName: 'subscribeMessage.send', requestData: Buffer.from([1, 2]) }))).toBe('SYS_ERR')
  })
})
