/**
 * crash_safety: the real host in a child process; 1,000 concurrent `intake.submit` over HTTP from 250
 * residents (4 each: under the 5-an-hour limit, so a resend is answered, not refused); `kill -9` once a
 * third have been acknowledged; a restart on the same DATA_DIR; every request resent with the same
 * clientRequestId, as the app does after a failed send; the timer jobs run (the clock moved past the
 * delivery lease). Then:
 * - acknowledged cases missing: an HTTP 200 ok:true before the kill whose case is not in the file, or
 *   whose resend answers another case;
 * - cases doubled: a clientRequestId, or a report's text, stored as more than one case;
 * - messages delivered twice: the same message (recipient, template, page, fields) twice in the local
 *   messenger's log (GET /__dev/outbox), every reporter and council having credits for every template.
 * Printed as `missing + doubled / delivered twice`; both must be 0.
 */
import { DEV_KEY, aesGcmCipher } from '../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { openSqliteStore } from '../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { templateIds } from '../cloudfunctions/_shared/notify/templates'
import { buildDataset, type Dataset, type ProvinceShape } from './dataset'
import { figure, note, startHostProcess } from './support'

const PER_RESIDENT = 4

interface Request {
  openid: string
  body: Record<string, unknown>
  requestId: string
  acked?: string
}

export async function crashFigures(dir: string, shape: ProvinceShape, now: string, submits: number): Promise<string[]> {
  const residents = Math.ceil(submits / PER_RESIDENT)
  const dataset: Dataset = await buildDataset({
    file: join(dir, 'fulian.sqlite'),
    shape,
    cases: 100,
    due: 0,
    now,
    idleResidents: residents,
  })

  // Credits first: every reporter and every council she reports to may receive every template.
  const requests: Request[] = []
  const store = openSqliteStore(dataset.file, aesGcmCipher(DEV_KEY))
  const templates = Object.values(templateIds())
  const granted = new Set<string>()
  for (let i = 0; i < submits; i++) {
    const resident = dataset.idleResident(Math.floor(i / PER_RESIDENT))
    const requestId = `crash-${i}-${now}`
    requests.push({
      openid: resident.openid,
      requestId,
      body: {
        action: 'submit',
        clientRequestId: requestId,
        kind: 'problem',
        category: 'other',
        title: '村里垃圾清运不及时',
        content: `村东头垃圾点一周才清运一次，希望增加清运次数。（${requestId}）`,
        villageId: resident.villageId,
        anonymous: false,
      },
    })
    for (const openid of [resident.openid, ...dataset.councilOf(resident.villageId)]) {
      if (granted.has(openid)) continue
      granted.add(openid)
      for (const templateId of templates) await store.credits.grant(openid, templateId, 50)
    }
  }
  await store.close()

  // 1. Everything at once; kill -9 once a third have been acknowledged.
  let host = await startHostProcess(dir)
  const killAt = Math.ceil(submits / 3)
  let acked = 0
  let killed: Promise<void> | null = null
  const inFlight = requests.map(async (request) => {
    try {
      const reply = await host.post<{ ok: boolean; data?: { caseId: string } }>('/api/intake', request.body, request.openid)
      // Every answer received counts, even one read after the kill was sent: she saw it.
      if (reply.status === 200 && reply.body.ok && reply.body.data) {
        request.acked = reply.body.data.caseId
        if (++acked >= killAt && !killed) killed = host.kill9()
      }
    } catch {
      // the connection died with the host: not acknowledged
    }
  })
  await Promise.all(inFlight)
  if (!killed) killed = host.kill9()
  await killed
  const acknowledged = requests.filter((r) => r.acked)
  note(`crash: ${acknowledged.length} of ${submits} submits acknowledged before kill -9`)

  // 2. Restart on the same DATA_DIR; the app resends whatever it sent, with the same request id.
  host = await startHostProcess(dir)
  let missing = 0
  let answeredOther = 0
  try {
    for (let i = 0; i < requests.length; i += 50) {
      await Promise.all(
        requests.slice(i, i + 50).map(async (request) => {
          const reply = await host.post<{ ok: boolean; data?: { caseId: string }; error?: { code: string } }>(
            '/api/intake',
            request.body,
            request.openid,
          )
          if (!reply.body.ok || !reply.body.data) throw new Error(`resend refused: ${JSON.stringify(reply.body.error)}`)
          if (request.acked && reply.body.data.caseId !== request.acked) answeredOther++
        }),
      )
    }
    // 3. The timer jobs: delivery now, and again once the leases of sends cut by the kill ran out.
    await host.post('/__dev/tick', {})
    await host.post('/__dev/clock', { advanceHours: 1 })
    await host.post('/__dev/tick', {})
    const outbox = await host.get<{ openid: string; templateId: string; page: string; kind: string; data: unknown }[]>('/__dev/outbox')
    const seen = new Map<string, number>()
    for (const m of outbox) {
      const key = JSON.stringify([m.openid, m.templateId, m.page, m.kind, m.data])
      seen.set(key, (seen.get(key) ?? 0) + 1)
    }
    const deliveredTwice = [...seen.values()].filter((count) => count > 1).length

    await host.stop()
    const db = new Database(dataset.file, { readonly: true })
    try {
      const exists = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM cases WHERE id = ?')
      for (const request of acknowledged) if ((exists.get(request.acked as string)?.n ?? 0) !== 1) missing++
      const doubledByRequest = (
        db
          .prepare(
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM cases WHERE client_request_id LIKE 'crash-%' GROUP BY reporter_tag, client_request_id HAVING COUNT(*) > 1)",
          )
          .get() as { n: number }
      ).n
      const doubledByText = (
        db
          .prepare(
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM cases WHERE client_request_id LIKE 'crash-%' GROUP BY json_extract(state, '$.content') HAVING COUNT(*) > 1)",
          )
          .get() as { n: number }
      ).n
      const stored = (db.prepare("SELECT COUNT(*) AS n FROM cases WHERE client_request_id LIKE 'crash-%'").get() as { n: number }).n
      if (stored !== submits) throw new Error(`crash: ${stored} cases stored for ${submits} distinct requests after the resends`)
      note(
        `crash: after restart and resends ${stored} cases for ${submits} requests; ${outbox.length} messages delivered, ` +
          `${missing} acknowledged missing, ${answeredOther} answered with another case, ${doubledByRequest + doubledByText} doubled, ${deliveredTwice} delivered twice`,
      )
      return [figure('crash_safety', `${missing + answeredOther + doubledByRequest + doubledByText} / ${deliveredTwice}`)]
    } finally {
      db.close()
    }
  } finally {
    await host.stop()
  }
}
