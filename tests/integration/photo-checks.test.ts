/**
 * The photo checks' shell on real handlers and SQLite, with a scripted MediaGuard standing in for
 * WeChat: checks start after the report is saved (a failure to start loses nothing), a resend starts
 * only what is missing, and the verdict push (intake's `wxa_media_check`, run as cloud-entry runs it)
 * hides a risky photo once. The same on the production path: tests/cloud/media-check.test.ts.
 */
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { runPush } from '../../cloudfunctions/_shared/handler/handle'
import type { Files } from '../../cloudfunctions/_shared/ports/files.port'
import type { Logger } from '../../cloudfunctions/_shared/ports/logger.port'
import type { MediaGuard } from '../../cloudfunctions/_shared/ports/media-guard.port'
import type { CaseDetail } from '../../types/case.contract'
import { aReport, CONVENER, RESIDENT } from '../support/demo'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'

const photo = (n: number) => `local:${String(n).padStart(32, '0')}.jpg`

/** Every photo is hers and downloadable at a URL naming it. */
const files: Files = {
  uploadFolder: () => 'case-photos/test',
  acceptable: async () => true,
  viewUrls: async (ids) => Object.fromEntries(ids.map((id) => [id, `/files/${id}`])),
  checkUrls: async (ids) => Object.fromEntries(ids.map((id) => [id, `https://storage.example/${id}`])),
}

/** WeChat's side: records each started check; `refuse` makes the next starts fail. */
function scriptedGuard() {
  const started: { traceId: string; url: string; openid: string }[] = []
  const guard: MediaGuard & { started: typeof started; refuse: number } = {
    started,
    refuse: 0,
    startImageCheck: async (url, { openid }) => {
      if (guard.refuse > 0) {
        guard.refuse--
        throw Object.assign(new Error('errCode: 45009 reach max api minute quota limit'), { errCode: 45009 })
      }
      const traceId = `trace-${started.length + 1}`
      started.push({ traceId, url, openid })
      return traceId
    },
  }
  return guard
}

const pushOf = (traceId: string, suggest: 'pass' | 'review' | 'risky') => ({
  ToUserName: 'gh_test',
  FromUserName: RESIDENT,
  CreateTime: 1764464700,
  MsgType: 'event',
  Event: 'wxa_media_check',
  trace_id: traceId,
  version: 2,
  result: { suggest, label: suggest === 'pass' ? '100' : '20002' },
})

let deps: TestDeps & { mediaGuard: ReturnType<typeof scriptedGuard> }
const errors: { message: string; fields?: Record<string, unknown> }[] = []
const log: Logger = { info: () => {}, error: (message, fields) => errors.push({ message, ...(fields && { fields }) }) }

beforeEach(async () => {
  errors.length = 0
  deps = { ...(await demoDeps()), files, log, mediaGuard: scriptedGuard() }
})
afterEach(() => deps.store.close())

const submit = (body: Record<string, unknown>) => callAs<{ caseId: string; created: boolean }>(deps, intakeFunction, RESIDENT, body)
const caseAs = async (openid: string, caseId: string) => (await callAs<{ case: CaseDetail }>(deps, intakeFunction, openid, { action: 'get', caseId })).case
const deliver = (push: Record<string, unknown>) => runPush(intakeFunction, push as never, deps, 10_000)

test('a report starts one check per photo, for her, and remembers which photo each trace id is', async () => {
  const { caseId } = await submit(aReport({ photos: [photo(1), photo(2)] }))
  expect(deps.mediaGuard.started.map((s) => [s.url, s.openid])).toEqual([
    [`https://storage.example/${photo(1)}`, RESIDENT],
    [`https://storage.example/${photo(2)}`, RESIDENT],
  ])
  expect(await deps.store.mediaChecks.ofCase(caseId)).toEqual([
    { traceId: 'trace-1', caseId, photo: photo(1), startedAt: deps.clock.now() },
    { traceId: 'trace-2', caseId, photo: photo(2), startedAt: deps.clock.now() },
  ])
  // A report without photos starts nothing.
  await submit(aReport())
  expect(deps.mediaGuard.started).toHaveLength(2)
})

test('a check that cannot start loses nothing: the report is saved, the failure logged; a resend starts what is missing', async () => {
  deps.mediaGuard.refuse = 1
  const report = aReport({ photos: [photo(1), photo(2)] })
  const first = await submit(report)
  expect(first.created).toBe(true)
  expect((await caseAs(CONVENER, first.caseId)).photos).toEqual([photo(1), photo(2)])
  expect(errors).toEqual([{ message: 'photo check not started', fields: expect.objectContaining({ caseId: first.caseId, photo: 1, error: expect.stringContaining('45009') }) }])
  // The log never carries the URL that opens the photo.
  expect(JSON.stringify(errors)).not.toContain('storage.example')
  expect((await deps.store.mediaChecks.ofCase(first.caseId)).map((c) => c.photo)).toEqual([photo(2)])

  const again = await submit(report)
  expect(again).toMatchObject({ caseId: first.caseId, created: false })
  expect((await deps.store.mediaChecks.ofCase(first.caseId)).map((c) => c.photo).sort()).toEqual([photo(1), photo(2)])
  expect(deps.mediaGuard.started).toHaveLength(2)
  await submit(report)
  expect(deps.mediaGuard.started).toHaveLength(2)
})

test('risky hides the photo once; review and pass keep theirs; an unknown trace id or an unreadable push is left', async () => {
  const { caseId } = await submit(aReport({ photos: [photo(1), photo(2), photo(3)] }))
  expect(await deliver(pushOf('trace-1', 'risky'))).toEqual({ wxa_media_check: { hidden: 1 } })
  expect(await deliver(pushOf('trace-1', 'risky'))).toEqual({ wxa_media_check: { repeated: 1 } })
  expect(await deliver(pushOf('trace-2', 'review'))).toEqual({ wxa_media_check: { kept: 1 } })
  expect(await deliver(pushOf('trace-3', 'pass'))).toEqual({ wxa_media_check: { kept: 1 } })
  expect(await deliver(pushOf('trace-404', 'risky'))).toEqual({ wxa_media_check: { unknown: 1 } })
  expect(await deliver({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 'trace-2', result: { suggest: 'maybe' } })).toEqual({ wxa_media_check: { unreadable: 1 } })
  expect(await deliver({ MsgType: 'event', Event: 'user_enter_tempsession' })).toEqual({ 'event/user_enter_tempsession': { ignored: 1 } })

  for (const viewer of [CONVENER, RESIDENT]) {
    const seen = await caseAs(viewer, caseId)
    expect(seen.photos).toEqual([photo(2), photo(3)])
    expect(Object.keys(seen.photoUrls)).toEqual([photo(2), photo(3)])
    expect(seen.timeline.filter((t) => t.type === 'CasePhotoRejected').map((t) => t.text)).toEqual(['一张照片未通过内容安全检查，已隐藏'])
  }
  expect(await deps.store.mediaChecks.get('trace-1')).toMatchObject({ verdict: 'risky', label: '20002' })
  expect(await deps.store.mediaChecks.get('trace-2')).toMatchObject({ verdict: 'review' })
  expect(errors.map((e) => e.message)).toEqual(['media check push for an unknown trace id ignored', 'media check push unreadable', 'push not handled here'])
})

test('a photo is hidden on a withdrawn case too', async () => {
  const { caseId } = await submit(aReport({ photos: [photo(1)] }))
  await callAs(deps, intakeFunction, RESIDENT, { action: 'withdraw', caseId })
  expect(await deliver(pushOf('trace-1', 'risky'))).toEqual({ wxa_media_check: { hidden: 1 } })
  expect((await caseAs(RESIDENT, caseId)).photos).toEqual([])
})
