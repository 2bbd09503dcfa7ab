/**
 * A reporter is unlinkable from the data at rest (docs/security.md, "What is kept at rest"). On each
 * host, two women report — one anonymously, one by name with her phone — both with an address and a
 * photo; both allow progress messages, a third woman follows the named one (我也遇到), the village
 * handles both cases, the messages go out (the follower's too), both rate.
 * Then every byte of the host's data folder is read and none of it may hold either woman's openid, the
 * phone or either address.
 *
 * What counts as "at rest in our data":
 * - the local host (npm start): everything under DATA_DIR — the SQLite database with its -wal and
 *   -shm files, the photo files, the clock — except `outbox.jsonl`. That log stands in for WeChat's
 *   servers: it is what WeChat received (a subscription message names the openid it goes to, as it
 *   must), not something we keep; in production it has no counterpart in our environment.
 * - the production path (npm run start:cloud): everything under DATA_DIR/cloud — the emulated
 *   CloudBase environment (the database, cloud storage) and the host's settings — except
 *   `DATA_DIR/cloud/openapi`, WeChat's own side (its grant ledger and what it was sent; the photo
 *   checks WeChat was asked for name the openid they are for, as mediaCheckAsync requires).
 *   One record of the platform's own is let through, field by field: cloud storage keeps, for a file
 *   uploaded from the mini-program (wx.cloud.uploadFile), who uploaded it (`ownerOpenid` in the
 *   emulator's object metadata). That is CloudBase's bookkeeping, not a document of ours, and the
 *   client upload cannot go without it; it is the one link from a photo to its reporter left, and
 *   only uploading through a function would remove it. Everything else in those files is searched.
 * The openids and the phone are ASCII; the addresses are searched for as UTF-8 and as JSON's \u
 * escapes, so neither way of storing them goes unseen.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { CONVENER, aReport } from '../support/demo'
import type { TemplateInfo } from '../../types/notify.contract'
import { dataOf } from '../support/http-client'

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

const PHOTO = readFileSync(join(__dirname, '../e2e/fixtures/streetlight.png'))
const run = Date.now().toString(36)
/** Residents the demo does not know (no user record, no role): only their reports name them. */
const ANONYMOUS = `o-atrest-anon-${run}`
const NAMED = `o-atrest-named-${run}`
const FOLLOWER = `o-atrest-follower-${run}`
const PHONE = '13987654321'
const ADDRESS_ANONYMOUS = '蒲河村东头第三排七号'
const ADDRESS_NAMED = '蒲河村西街十九号院'

/** Where WeChat's side (not ours) is kept in each host's data folder. */
const WECHAT_SIDE: Record<string, (path: string) => boolean> = {
  local: (path) => path === 'outbox.jsonl',
  cloud: (path) => path === join('cloud', 'openapi') || path.startsWith(join('cloud', 'openapi') + sep),
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)]
  })
}

/** The emulated cloud storage's metadata of one file (tools/cloud-emulator/storage/object.store.ts). */
const isStorageMeta = (path: string) => path.startsWith(join('cloud', 'emulator', 'storage') + sep) && path.endsWith('.json')
function withoutUploader(bytes: Buffer): Buffer {
  const { ownerOpenid: _platformsOwn, ...rest } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
  return Buffer.from(JSON.stringify(rest), 'utf8')
}

const jsonEscaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

/** Each secret as the byte sequences that would betray it. */
const SECRETS: [string, Buffer[]][] = [ANONYMOUS, NAMED, FOLLOWER, PHONE, ADDRESS_ANONYMOUS, ADDRESS_NAMED].map((secret) => [
  secret,
  [Buffer.from(secret, 'utf8'), Buffer.from(jsonEscaped(secret), 'utf8'), Buffer.from(jsonEscaped(secret).toUpperCase().replace(/\\U/g, '\\u'), 'utf8')],
])

/** `file: secret` for every secret found in a file of ours. */
function leaksIn(dataDir: string, kind: string): string[] {
  const ours = filesUnder(dataDir).filter((path) => !WECHAT_SIDE[kind]!(path))
  expect(ours.length).toBeGreaterThan(0)
  return ours.flatMap((path) => {
    const bytes = isStorageMeta(path) ? withoutUploader(readFileSync(join(dataDir, path))) : readFileSync(join(dataDir, path))
    return SECRETS.filter(([, forms]) => forms.some((form) => bytes.includes(form))).map(([secret]) => `${path}: ${secret}`)
  })
}

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(async () => {
    // The test stops the host itself; destroy removes the folder whatever state it left.
    await host.destroy().catch(() => undefined)
    rmSync(host.dataDir, { recursive: true, force: true })
  })

  const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host, fn, openid, body)
  async function upload(openid: string): Promise<string> {
    const response = await fetch(`${host.url}/files`, { method: 'POST', headers: { 'content-type': 'image/png', 'x-openid': openid }, body: PHOTO })
    const body = (await response.json()) as Envelope<{ fileId: string }>
    if (!body.ok) throw new Error(body.error.message)
    return body.data.fileId
  }

  test('no byte of our data folder holds a reporter’s openid, her phone or her address', async () => {
    const { items } = await call<{ items: TemplateInfo[] }>('notify', NAMED, { action: 'templates' })
    const progress = items.find((t) => t.key === 'case_progress')!.templateId
    const reports: [string, Record<string, unknown>][] = [
      [ANONYMOUS, { anonymous: true, address: ADDRESS_ANONYMOUS }],
      [NAMED, { anonymous: false, phone: PHONE, address: ADDRESS_NAMED }],
    ]
    const caseIds: string[] = []
    for (const [she, details] of reports) {
      await call('notify', she, { action: 'subscribe', accepted: [progress] })
      await call('notify', she, { action: 'subscribe', accepted: [progress] })
      const photo = await upload(she)
      const { caseId } = await call<{ caseId: string }>('intake', she, aReport({ ...details, photos: [photo] }))
      caseIds.push(caseId)
    }
    // The address reaches those handling the case, decrypted where it was shown before (named reports only).
    const named = await call<{ case: { phone?: string; address?: string } }>('intake', CONVENER, { action: 'get', caseId: caseIds[1] })
    expect(named.case).toMatchObject({ phone: '139****4321', address: ADDRESS_NAMED })

    // She follows the named one: kept under her tag, her messages addressed from a sealed copy.
    expect(await call('intake', FOLLOWER, { action: 'meToo', caseId: caseIds[1] })).toMatchObject({ added: true })
    for (const caseId of caseIds) {
      await call('escalation', CONVENER, { action: 'accept', caseId })
      await call('escalation', CONVENER, { action: 'resolve', caseId, outcome: 'solved', resolution: '已协调解决' })
    }
    await host.post('/__dev/tick', {})
    for (const [i, [she]] of reports.entries()) {
      // Her own: found by her tag, in 我的反映 and her message centre, and delivered to her openid.
      expect((await call<{ items: { id: string }[] }>('intake', she, { action: 'mine' })).items.map((c) => c.id)).toEqual([caseIds[i]])
      const inbox = await call<{ items: { kind: string }[] }>('notify', she, { action: 'inbox' })
      expect(inbox.items.map((m) => m.kind)).toContain('case_resolved')
      await call('notify', she, { action: 'markRead', all: true })
      await call('intake', she, { action: 'rate', caseId: caseIds[i], solved: 'yes', satisfaction: 'satisfied', comment: '谢谢' })
    }
    await host.post('/__dev/tick', {})
    expect((await call<{ following: { id: string }[] }>('intake', FOLLOWER, { action: 'mine' })).following.map((c) => c.id)).toEqual([caseIds[1]])
    expect((await call<{ items: { kind: string }[] }>('notify', FOLLOWER, { action: 'inbox' })).items.map((m) => m.kind)).toContain('case_resolved')
    const sent = await host.get<{ openid: string }[]>('/__dev/outbox')
    for (const [she] of reports) expect(sent.filter((m) => m.openid === she).length).toBeGreaterThan(0)

    // While the host runs (the WAL as it is) and after it stopped (checkpointed).
    expect(leaksIn(host.dataDir, kind)).toEqual([])
    await host.close()
    expect(leaksIn(host.dataDir, kind)).toEqual([])
  })
})
