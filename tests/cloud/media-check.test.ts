/**
 * A report's photos on the production path: the built intake bundle (build/functions, rebuilt by
 * `npm test` before jest) on the function runner against the CloudBase emulator. Submitting starts
 * WeChat's image check (security.mediaCheckAsync) for each photo with a URL WeChat can download; the
 * verdict comes back as the `wxa_media_check` message push, delivered to intake as the platform
 * delivers it. A risky photo disappears from every view and her timeline says so, once however often
 * the push comes; a passing one stays; the same push sent by a mini-program is refused.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaseDetail } from '../../types/case.contract'
import type { MediaCheck, MediaCheckPushEvent } from '../../tools/cloud-emulator/openapi/openapi.types'
import { startTestCloudHost, type TestCloudHost } from '../support/cloud-host'
import { aReport, CONVENER, RESIDENT } from '../support/demo'
import { dataOf } from '../support/http-client'

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

const PHOTO = readFileSync(join(__dirname, '../e2e/fixtures/streetlight.png'))
const HIDDEN_LINE = '一张照片未通过内容安全检查，已隐藏'
const PUSH = { source: 'wx_message_push' } as const

let host: TestCloudHost
beforeAll(async () => {
  host = await startTestCloudHost()
})
afterAll(() => host.destroy())

const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host, fn, openid, body)
const caseAs = async (openid: string, caseId: string) => (await call<{ case: CaseDetail }>('intake', openid, { action: 'get', caseId })).case

async function upload(openid: string): Promise<string> {
  const response = await fetch(`${host.url}/files`, { method: 'POST', headers: { 'content-type': 'image/png', 'x-openid': openid }, body: PHOTO })
  const body = (await response.json()) as Envelope<{ fileId: string }>
  if (!body.ok) throw new Error(body.error.message)
  return body.data.fileId
}

/** She reports with these photos; answers the case and the check started for each photo, in order. */
async function reportWith(count: number): Promise<{ caseId: string; photos: string[]; checks: MediaCheck[] }> {
  const photos: string[] = []
  for (let i = 0; i < count; i++) photos.push(await upload(RESIDENT))
  const before = new Set(host.openapi.mediaChecks().map((c) => c.traceId))
  const { caseId } = await call<{ caseId: string }>('intake', RESIDENT, aReport({ title: '路灯杆倒在路边', content: '村口一根路灯杆被车撞倒了，横在路边，已拍照。', photos }))
  const started = host.openapi.mediaChecks().filter((c) => !before.has(c.traceId))
  // Each check names its photo only through the URL WeChat downloads it from.
  const checks = photos.map((photo) => {
    const name = photo.split('/').pop()!
    const check = started.find((c) => new URL(c.mediaUrl).pathname.endsWith(`/${name}`))
    if (!check) throw new Error(`no media check was started for photo ${name}: ${JSON.stringify(started)}`)
    return check
  })
  return { caseId, photos, checks }
}

const deliver = async (push: MediaCheckPushEvent | Record<string, unknown>) => {
  const outcome = await host.runner.invoke('intake', push, PUSH)
  if (outcome.kind !== 'result') throw new Error(`the push failed: ${JSON.stringify(outcome)}`)
  return outcome.result
}

test('each photo of a report gets an image check WeChat can download, for the reporter', async () => {
  const { checks } = await reportWith(2)
  for (const check of checks) {
    expect(check).toMatchObject({ status: 'pending', openid: RESIDENT, mediaType: 2, scene: 2, functionName: 'intake', mediaUrl: expect.stringMatching(/^https?:\/\//) })
    const downloaded = await fetch(check.mediaUrl)
    expect(downloaded.status).toBe(200)
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(PHOTO)).toBe(true)
  }
  expect(new Set(checks.map((c) => c.traceId)).size).toBe(2)
})

test('a risky verdict hides the photo from every view and tells her plainly; the same push again changes nothing', async () => {
  const { caseId, photos, checks } = await reportWith(2)
  const [risky, kept] = [photos[0]!, photos[1]!]
  expect((await caseAs(CONVENER, caseId)).photos).toEqual(photos)

  const push = host.openapi.settleMediaCheck(checks[0]!.traceId, 'risky')
  expect(await deliver(push)).toEqual({ wxa_media_check: { hidden: 1 } })

  const convener = await caseAs(CONVENER, caseId)
  expect(convener.photos).toEqual([kept])
  expect(Object.keys(convener.photoUrls)).toEqual([kept])
  expect(JSON.stringify(convener)).not.toContain(risky)
  const mine = await caseAs(RESIDENT, caseId)
  expect(mine.photos).toEqual([kept])
  expect(JSON.stringify(mine)).not.toContain(risky)
  expect(mine.timeline.map((t) => t.text)).toContain(HIDDEN_LINE)
  // It says nothing of what the photo showed.
  expect(mine.timeline.find((t) => t.text === HIDDEN_LINE)).toEqual(expect.objectContaining({ type: 'CasePhotoRejected' }))

  // WeChat may push it twice: nothing more happens.
  expect(await deliver(push)).toEqual({ wxa_media_check: { repeated: 1 } })
  const again = await caseAs(RESIDENT, caseId)
  expect(again.timeline).toEqual(mine.timeline)
  expect(again.photos).toEqual([kept])
})

test('a passing verdict leaves the photo where it was', async () => {
  const { caseId, photos, checks } = await reportWith(1)
  const before = await caseAs(CONVENER, caseId)
  expect(await deliver(host.openapi.settleMediaCheck(checks[0]!.traceId, 'pass'))).toEqual({ wxa_media_check: { kept: 1 } })
  const after = await caseAs(CONVENER, caseId)
  expect(after.photos).toEqual(photos)
  expect(Object.keys(after.photoUrls)).toEqual(photos)
  expect(after.timeline).toEqual(before.timeline)
})

test('the verdict push sent by a mini-program is refused; the platform’s own is not', async () => {
  const { caseId, photos, checks } = await reportWith(1)
  const push = host.openapi.settleMediaCheck(checks[0]!.traceId, 'risky')

  const forged = await host.runner.invoke('intake', push, { source: 'wx_client', openid: RESIDENT })
  expect(forged).toMatchObject({ kind: 'result', result: { ok: false, error: { code: 'FORBIDDEN' } } })
  // Through the app's own surface too.
  const posted = await host.post<Envelope<unknown>>('/api/intake', push, RESIDENT)
  expect(posted.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect((await caseAs(CONVENER, caseId)).photos).toEqual(photos)
  expect(host.logs.some((line) => line.includes('forged message push refused'))).toBe(true)

  expect(await deliver(push)).toEqual({ wxa_media_check: { hidden: 1 } })
  expect((await caseAs(CONVENER, caseId)).photos).toEqual([])
})

test('a verdict for a trace id nobody started here is ignored and logged', async () => {
  const stray: MediaCheckPushEvent = {
    ToUserName: 'gh_emulator',
    FromUserName: RESIDENT,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wx00000000emulated',
    trace_id: 'trace-nobody-started',
    version: 2,
    result: { suggest: 'risky', label: '20002' },
    detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: '20002', prob: 90 }],
  }
  expect(await deliver(stray)).toEqual({ wxa_media_check: { unknown: 1 } })
  expect(host.logs.some((line) => line.includes('unknown trace id') && line.includes('trace-nobody-started'))).toBe(true)
})
