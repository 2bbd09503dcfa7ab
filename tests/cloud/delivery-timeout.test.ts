/**
 * A subscription message whose send gets no answer in time, on the production path: the write that
 * queued it still answers, the message is not sent again by any later run, her grant is spent once,
 * and her message centre keeps it. The emulated WeChat is made slow for one send.
 */
import { CONVENER, RESIDENT, aReport } from '../support/demo'
import { startTestCloudHost, type TestCloudHost } from '../support/cloud-host'
import { dataOf } from '../support/http-client'

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

let host: TestCloudHost
beforeAll(async () => {
  host = await startTestCloudHost()
})
afterAll(() => host.destroy())

const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host, fn, openid, body)

test('a send with no answer in time is never repeated nor charged twice', async () => {
  const { items } = await call<{ items: { key: string; templateId: string }[] }>('notify', RESIDENT, { action: 'templates' })
  const progress = items.find((t) => t.key === 'case_progress')!.templateId
  await call('notify', RESIDENT, { action: 'subscribe', accepted: [progress] })
  await call('notify', RESIDENT, { action: 'subscribe', accepted: [progress] })
  const { caseId } = await call<{ caseId: string }>('intake', RESIDENT, aReport())

  // WeChat takes longer to answer the next send than the function waits for it.
  host.openapi.inject('subscribeMessage.send', { timeoutMs: 6_000 })
  const started = Date.now()
  await call('escalation', CONVENER, { action: 'accept', caseId })
  expect(Date.now() - started).toBeLessThan(6_000)

  for (let run = 0; run < 2; run++) await host.post('/__dev/tick', {})
  expect(await host.get(`/__dev/outbox?openid=${RESIDENT}`)).toEqual([])
  const credits = await call<{ credits: Record<string, number> }>('notify', RESIDENT, { action: 'subscribe', accepted: [] })
  expect(credits.credits[progress]).toBe(1)
  const centre = await call<{ items: { kind: string; delivered: boolean }[] }>('notify', RESIDENT, { action: 'inbox' })
  expect(centre.items.find((m) => m.kind === 'case_accepted')).toMatchObject({ delivered: false })

  // The next step goes out normally, on the grant that is left.
  await call('escalation', CONVENER, { action: 'escalate', caseId, reason: '需要街道协调供电所' })
  await host.post('/__dev/tick', {})
  const sent = await host.get<{ templateId: string }[]>(`/__dev/outbox?openid=${RESIDENT}`)
  expect(sent).toHaveLength(1)
  expect(sent[0]!.templateId).toBe(progress)
}, 60_000)
