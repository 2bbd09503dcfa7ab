/**
 * The stories that matter, told through the fixed HTTP surface on each host (the local one on SQLite
 * and the production path: the built bundles on the function runner and the CloudBase emulator).
 * Every assertion is on what a person is answered — her envelopes, the files served, what WeChat
 * received — never on a store. Each story makes its own cases; one host per kind for the file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import {
  aReport,
  CONVENER,
  MEMBER,
  OTHER_RESIDENT,
  RESIDENT,
  TOWNSHIP,
  TOWNSHIP_CADRE,
  VILLAGE,
  VILLAGE_CADRE,
} from '../support/demo'
import type { CaseDetail, CaseSummary } from '../../types/case.contract'
import type { DeliberationDetail } from '../../types/deliberation.contract'
import type { MessageItem, TemplateInfo } from '../../types/notify.contract'
import { dataOf, refusalOf as refuse } from '../support/http-client'
import { caseNumber } from '../../types/case.contract'

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

const COUNCIL_MEMBERS = [MEMBER, 'demo-member-zhang', 'demo-member-liu', 'demo-member-chen', 'demo-member-yang']
/** The demo resident's name (赵小红): an anonymous report must never carry it. */
const RESIDENT_NAME = '赵小红'
/** What a redacted view shows instead of the private text (cloudfunctions/_shared/domain/case.view.ts). */
const PRIVATE_TITLE = '涉及个人隐私的反映'
const HIDDEN_TEXT = '（涉及个人隐私，内容不公开）'
/** How a subscription message's time field reads: the minute in China time (UTC+8, no DST). */
function chinaMinute(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}
const PHOTO = readFileSync(join(__dirname, '../e2e/fixtures/streetlight.png'))

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host, fn, openid, body)
  const refusalOf = (fn: string, openid: string, body: Record<string, unknown>) => refuse(host, fn, openid, body)
  const refusal = async (fn: string, openid: string, body: Record<string, unknown>) => (await refusalOf(fn, openid, body)).code
  const caseAs = async (openid: string, caseId: string) => (await call<{ case: CaseDetail }>('intake', openid, { action: 'get', caseId })).case
  const holderQueue = async (openid: string) => (await call<{ items: CaseSummary[] }>('escalation', openid, { action: 'inbox' })).items
  const messageCentre = (openid: string) => call<{ items: MessageItem[]; unread: number }>('notify', openid, { action: 'inbox' })
  // The stories share a clock: together they move it well under a day, so no story's case misses a
  // deadline (24 h to accept) because of another's hours.
  const later = (hours: number) => host.post('/__dev/clock', { advanceHours: hours })
  const hoursFromNow = async (hours: number) => {
    const { now } = await host.get<{ now: string }>('/__dev/clock')
    return new Date(Date.parse(now) + hours * 3_600_000).toISOString()
  }
  async function templateId(key: string) {
    const { items } = await call<{ items: TemplateInfo[] }>('notify', RESIDENT, { action: 'templates' })
    const template = items.find((t) => t.key === key)
    if (!template) throw new Error(`no template ${key}`)
    return template.templateId
  }
  type Tick = { notify: { deliver: { sent: number; failed: number } } }
  const tick = async () => {
    const { status, body } = await host.post<Tick>('/__dev/tick', {})
    expect(status).toBe(200)
    return body
  }

  test('1. report → accept → deliberate → escalate → hand back → resolve → rate: her timeline tells each step', async () => {
    // She reports in 蒲河村: it goes to the village council, with its deadlines.
    const submitted = await call<{ caseId: string; status: string; level: string; holderOrgId: string; acceptBy: string; resolveBy: string }>(
      'intake',
      RESIDENT,
      aReport({ title: '村口路灯坏了', content: '村口到小学的路灯坏了两个月，晚上孩子放学很危险。' }),
    )
    expect(submitted).toMatchObject({ status: 'pending', level: 'village', holderOrgId: VILLAGE })
    const { caseId } = submitted
    expect((await caseAs(RESIDENT, caseId)).can).toMatchObject({ withdraw: true, rate: false })

    // The convener finds it waiting in her queue and accepts it.
    expect((await holderQueue(CONVENER)).map((c) => [c.id, c.status])).toContainEqual([caseId, 'pending'])
    const accepted = (await call<{ case: CaseDetail }>('escalation', CONVENER, { action: 'accept', caseId })).case
    expect(accepted).toMatchObject({ status: 'in_progress', level: 'village', can: { resolve: true, escalate: true } })

    // The council deliberates on it: four of six vote (the quorum), the convener closes it.
    await later(1)
    const { deliberationId } = await call<{ deliberationId: string }>('deliberation', CONVENER, {
      action: 'open',
      orgId: VILLAGE,
      caseId,
      title: '村口路灯由谁出资维修',
      background: '村口到小学的路灯坏了两个月，供电所说线路归村里管，村集体没有这笔钱。',
      options: ['村集体出资', '上报镇里申请专项资金'],
      closesAt: await hoursFromNow(72),
    })
    const opened = (await call<{ deliberation: DeliberationDetail }>('deliberation', MEMBER, { action: 'get', deliberationId })).deliberation
    expect(opened).toMatchObject({ status: 'open', caseId, turnout: { ballots: 0, members: 6, quorum: 4 }, can: { vote: true, close: false } })
    for (const member of COUNCIL_MEMBERS.slice(0, 4)) {
      await call('deliberation', member, { action: 'vote', deliberationId, choices: [1] })
    }
    const closed = (await call<{ deliberation: DeliberationDetail }>('deliberation', CONVENER, { action: 'close', deliberationId })).deliberation
    expect(closed).toMatchObject({
      status: 'closed',
      turnout: { ballots: 4, quorumMet: true },
      result: { kind: 'passed', option: 1, optionText: '上报镇里申请专项资金' },
      counts: [0, 4],
      resultOnCase: 'written',
    })
    // The one member who did not vote sees the result too.
    expect((await call<{ deliberation: DeliberationDetail }>('deliberation', 'demo-member-yang', { action: 'get', deliberationId })).deliberation).toMatchObject({
      status: 'closed',
      result: { kind: 'passed', option: 1 },
      counts: [0, 4],
    })
    expect((await caseAs(RESIDENT, caseId)).timeline.at(-1)).toMatchObject({
      type: 'CaseDeliberated',
      text: expect.stringContaining('表决通过：上报镇里申请专项资金'),
    })

    // As the council decided, it goes up to the township with a reason.
    await later(1)
    const escalated = (await call<{ case: CaseDetail | null }>('escalation', CONVENER, { action: 'escalate', caseId, reason: '议事会表决：需镇里专项资金' })).case
    expect(escalated).toMatchObject({ status: 'pending', level: 'township', holderOrgId: TOWNSHIP })
    expect(await caseAs(RESIDENT, caseId)).toMatchObject({ status: 'pending', level: 'township', holderOrgName: '道义街道' })

    // The township cadre accepts it and hands it back down to the village with instructions.
    expect((await holderQueue(TOWNSHIP_CADRE)).map((c) => c.id)).toContain(caseId)
    await later(2)
    expect((await call<{ case: CaseDetail }>('escalation', TOWNSHIP_CADRE, { action: 'accept', caseId })).case).toMatchObject({
      status: 'in_progress',
      level: 'township',
      handBackTargets: [{ id: VILLAGE, level: 'village' }],
    })
    const handedBack = (await call<{ case: CaseDetail }>('escalation', TOWNSHIP_CADRE, {
      action: 'handBack',
      caseId,
      toOrgId: VILLAGE,
      instructions: '镇里已批专项资金，请村里组织维修',
    })).case
    expect(handedBack).toMatchObject({ status: 'pending', level: 'village', holderOrgId: VILLAGE })

    // The village takes it up again and resolves it.
    await later(1)
    await call('escalation', CONVENER, { action: 'accept', caseId })
    await later(3)
    const resolved = (await call<{ case: CaseDetail }>('escalation', CONVENER, { action: 'resolve', caseId, outcome: 'solved', resolution: '路灯已换新，晚上亮了' })).case
    expect(resolved).toMatchObject({ status: 'resolved', outcome: { outcome: 'solved', resolution: '路灯已换新，晚上亮了', level: 'village' } })

    // She is asked to rate it, rates it, and sees it closed.
    const toRate = await caseAs(RESIDENT, caseId)
    expect(toRate).toMatchObject({ status: 'resolved', mine: true, can: { rate: true, withdraw: false } })
    const rated = (await call<{ case: CaseDetail }>('intake', RESIDENT, { action: 'rate', caseId, solved: 'yes', satisfaction: 'satisfied', comment: '谢谢大家' })).case
    expect(rated).toMatchObject({ status: 'closed', rating: { solved: 'yes', satisfaction: 'satisfied', comment: '谢谢大家' }, can: { rate: false } })
    expect(await refusal('intake', RESIDENT, { action: 'rate', caseId, solved: 'no', satisfaction: 'unsatisfied', reopen: true })).toBe('CONFLICT')

    const mine = (await call<{ items: CaseSummary[] }>('intake', RESIDENT, { action: 'mine' })).items
    expect(mine.find((c) => c.id === caseId)).toMatchObject({ status: 'closed', level: 'village' })

    // Her timeline tells every step, in order, where it happened and never who did it.
    const seen = await caseAs(RESIDENT, caseId)
    expect(seen.timeline.map((t) => [t.type, t.orgName])).toEqual([
      ['CaseSubmitted', '蒲河村'],
      ['CaseAccepted', '蒲河村'],
      ['CaseDeliberated', '蒲河村'],
      ['CaseEscalated', '蒲河村'],
      ['CaseAccepted', '道义街道'],
      ['CaseHandedBack', '道义街道'],
      ['CaseAccepted', '蒲河村'],
      ['CaseResolved', '蒲河村'],
      ['CaseRated', '蒲河村'],
      ['CaseClosed', '蒲河村'],
    ])
    const text = seen.timeline.map((t) => t.text)
    expect(text[2]).toContain('村口路灯由谁出资维修')
    // What the cadres wrote each other stays with them; she reads what happened, in plain words.
    expect(text[3]).toBe('蒲河村（村/社区）已请道义街道（乡镇/街道）帮助办理')
    expect(text[5]).toBe('道义街道（乡镇/街道）已交由蒲河村（村/社区）继续办理')
    const handled = (await caseAs(CONVENER, caseId)).timeline.map((t) => t.text)
    expect(handled[3]).toContain('议事会表决：需镇里专项资金')
    expect(handled[5]).toContain('镇里已批专项资金，请村里组织维修')
    expect(text[7]).toContain('路灯已换新，晚上亮了')
    expect(text[8]).toContain('满意')
    const times = seen.timeline.map((t) => Date.parse(t.at))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    for (const person of ['王秀兰', '高美华', '李桂芳']) expect(JSON.stringify(seen.timeline)).not.toContain(person)
  })

  test('2. her messages go out exactly once, as many as she granted; her message centre has every step', async () => {
    const she = OTHER_RESIDENT
    const progress = await templateId('case_progress')
    const GRANTED = 2
    let credits: Record<string, number> = {}
    for (let tap = 0; tap < GRANTED; tap++) {
      credits = (await call<{ credits: Record<string, number> }>('notify', she, { action: 'subscribe', accepted: [progress] })).credits
    }
    expect(credits[progress]).toBe(GRANTED)

    // Five progress steps (four of them steps that matter most) for two credits.
    const { caseId } = await call<{ caseId: string }>('intake', she, aReport({ title: '小学门口积水', content: '下雨后小学门口积水很深，孩子们只能蹚水进校门。' }))
    const steps: [string, string, Record<string, unknown>][] = [
      [CONVENER, 'accept', {}],
      [CONVENER, 'escalate', { reason: '需要镇里协调排水' }],
      [TOWNSHIP_CADRE, 'accept', {}],
      [TOWNSHIP_CADRE, 'handBack', { toOrgId: VILLAGE, instructions: '镇里已联系排水公司，请村里配合' }],
      [CONVENER, 'accept', {}],
    ]
    const stepTimes: string[] = []
    for (const [who, action, fields] of steps) {
      await later(1)
      stepTimes.push((await host.get<{ now: string }>('/__dev/clock')).now)
      await call('escalation', who, { action, caseId, ...fields })
    }

    // The timers run, more than once; the last run finds nothing more to send.
    await tick()
    await tick()
    const last = await tick()
    expect(last.notify.deliver).toMatchObject({ sent: 0, failed: 0 })

    const sent = await host.get<{ openid: string; templateId: string; page: string; data: Record<string, string>; kind?: string }[]>(
      `/__dev/outbox?openid=${she}`,
    )
    expect(sent).toHaveLength(GRANTED)
    for (const message of sent) expect(message).toMatchObject({ openid: she, templateId: progress, page: `/pages/case/index?id=${caseId}` })
    // The first two steps that matter (accepted, escalated) took the two credits, each fitted to the
    // template and timed in China time (the functions run in UTC on the cloud).
    expect(sent.map((m) => m.data)).toEqual([
      // Each names its case: the number first, then as much of the title as the 20 characters hold.
      { thing1: `${caseNumber(caseId)} 小学门口积水`, phrase2: '已受理', thing3: '蒲河村', time4: chinaMinute(stepTimes[0]!) },
      { thing1: `${caseNumber(caseId)} 小学门口积水`, phrase2: '已转办', thing3: '道义街道', time4: chinaMinute(stepTimes[1]!) },
    ])
    // The local stand-in also records the message kind; what WeChat received knows none.
    if (kind === 'local') expect(sent.map((m) => m.kind)).toEqual(['case_accepted', 'case_escalated'])

    // Her message centre has every step, newest first, and says which also reached WeChat.
    const centre = await messageCentre(she)
    const forCase = centre.items.filter((m) => m.page === `/pages/case/index?id=${caseId}`)
    expect(forCase.map((m) => [m.kind, m.delivered])).toEqual([
      ['case_accepted', false],
      ['case_handed_back', false],
      ['case_accepted', false],
      ['case_escalated', true],
      ['case_accepted', true],
      ['case_received', false],
    ])
    expect(forCase.at(-2)!.body).toContain('蒲河村')
    expect(forCase.at(-3)!.body).toContain('道义街道')
    expect(centre.unread).toBe(forCase.length)

    // Another round of timers sends nothing more.
    await later(1)
    expect((await tick()).notify.deliver).toMatchObject({ sent: 0 })
    expect(await host.get(`/__dev/outbox?openid=${she}`)).toHaveLength(GRANTED)
  })

  test('3. the convener binds the council’s group; a member arriving from it lands on the open deliberation', async () => {
    const group = 'puhe-council-chat'
    const { deliberationId } = await call<{ deliberationId: string }>('deliberation', CONVENER, {
      action: 'open',
      orgId: VILLAGE,
      title: '重阳节敬老活动怎么办',
      background: '今年重阳节想为村里的老人办一次活动，请大家商量形式。',
      options: ['集中聚餐', '上门慰问'],
      closesAt: await hoursFromNow(48),
    })
    // Only the convener (or a cadre of the village) binds it.
    expect(await refusal('deliberation', MEMBER, { action: 'bindGroup', orgId: VILLAGE, localGroupId: group })).toBe('FORBIDDEN')
    expect(await call('deliberation', CONVENER, { action: 'bindGroup', orgId: VILLAGE, localGroupId: group })).toEqual({
      orgId: VILLAGE,
      orgName: '蒲河村',
      groupBound: true,
    })
    expect((await call<{ deliberation: DeliberationDetail }>('deliberation', CONVENER, { action: 'get', deliberationId })).deliberation.groupBound).toBe(true)

    // A member opening the mini-program from that group lands on it.
    expect(await call('deliberation', 'demo-member-chen', { action: 'resolveGroup', localGroupId: group })).toEqual({
      orgId: VILLAGE,
      orgName: '蒲河村',
      deliberationId,
      shareTitle: '重阳节敬老活动怎么办',
    })
    // A group no council bound names nothing; someone outside the council learns nothing from it.
    const unbound = await refusalOf('deliberation', MEMBER, { action: 'resolveGroup', localGroupId: 'some-other-chat' })
    expect(unbound).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    expect(await refusal('deliberation', RESIDENT, { action: 'resolveGroup', localGroupId: group })).toBe('FORBIDDEN')

    // Once it is closed, the group leads to the council with nothing open.
    await call('deliberation', CONVENER, { action: 'close', deliberationId })
    expect(await call('deliberation', MEMBER, { action: 'resolveGroup', localGroupId: group })).toEqual({
      orgId: VILLAGE,
      orgName: '蒲河村',
      deliberationId: null,
    })
  })

  test('4. a photo she uploads goes with her report and only hers; those who may see the case see it through a short-lived URL', async () => {
    const upload = async (openid?: string) => {
      const response = await fetch(`${host.url}/files`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', ...(openid && { 'x-openid': openid }) },
        body: PHOTO,
      })
      return { status: response.status, body: (await response.json()) as Envelope<{ fileId: string; url: string }> }
    }
    const bytesAt = async (url: string) => {
      const response = await fetch(new URL(url, host.url))
      return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
    }
    // Nobody uploads without an identity.
    const anonymous = await upload()
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })

    const uploaded = await upload(RESIDENT)
    expect(uploaded.status).toBe(200)
    if (!uploaded.body.ok) throw new Error(uploaded.body.error.message)
    const { fileId, url } = uploaded.body.data
    // Her preview loads at once.
    expect((await bytesAt(url)).bytes.equals(PHOTO)).toBe(true)
    // Where it is kept is the host's: her upload folder in cloud storage on the production path (a keyed
    // tag, never her openid), a local file id here.
    const { folder } = await call<{ folder: string }>('intake', RESIDENT, { action: 'photoFolder' })
    expect(folder).toMatch(/^case-photos\/[0-9a-f]{32}$/)
    expect(folder).not.toContain(RESIDENT)
    if (kind === 'cloud') expect(fileId).toMatch(new RegExp(`^cloud://[^/]+/${folder}/[0-9a-f]{32}\\.png$`))
    else expect(fileId).toMatch(/^local:[0-9a-f]{32}\.png$/)

    // A report may name only photos its reporter uploaded, in this environment.
    const stolen = await refusalOf('intake', OTHER_RESIDENT, aReport({ photos: [fileId] }))
    expect(stolen).toMatchObject({ code: 'INVALID_INPUT', message: '照片无效，请重新上传' })
    const foreign = kind === 'cloud' ? fileId.replace(/^cloud:\/\/[^.]+\./, 'cloud://another-env.') : 'local:0123456789abcdef0123456789abcdef.png'
    expect((await refusalOf('intake', RESIDENT, aReport({ photos: [foreign] }))).code).toBe('INVALID_INPUT')
    expect((await refusalOf('intake', RESIDENT, aReport({ photos: ['local:../../../etc/passwd'] }))).code).toBe('INVALID_INPUT')

    const { caseId } = await call<{ caseId: string }>('intake', RESIDENT, aReport({ title: '路灯杆倒在路边', content: '村口一根路灯杆被车撞倒了，横在路边，已拍照。', photos: [fileId] }))
    expect((await caseAs(RESIDENT, caseId)).photos).toEqual([fileId])
    const seen = await caseAs(CONVENER, caseId)
    expect(seen.photos).toEqual([fileId])
    const shown = await bytesAt(seen.photoUrls[fileId]!)
    expect(shown.status).toBe(200)
    expect(shown.type).toBe('image/png')
    expect(shown.bytes.equals(PHOTO)).toBe(true)
    if (kind === 'cloud') {
      // Storage is private: no URL of the host's serves it, and a temp URL stops working.
      expect((await fetch(`${host.url}/files/${fileId.split('/').pop()}`)).status).toBe(404)
      await later(1)
      expect((await bytesAt(seen.photoUrls[fileId]!)).status).toBe(403)
      expect((await bytesAt((await caseAs(CONVENER, caseId)).photoUrls[fileId]!)).status).toBe(200)
    }
  })

  test('5. a sensitive case: redacted for an ordinary member, full for the convener and the holder’s cadres, nothing for others; she is never named', async () => {
    const title = '丈夫酒后动手打人'
    const content = '我丈夫喝酒后经常动手打我，孩子也很害怕，希望有人帮忙调解。'
    const { caseId } = await call<{ caseId: string }>('intake', RESIDENT, aReport({ category: 'marriage_family', anonymous: true, title, content }))
    const secrets = [title, content, RESIDENT, RESIDENT_NAME]

    // She sees her own case in full.
    expect(await caseAs(RESIDENT, caseId)).toMatchObject({ title, content, mine: true, anonymous: true, redacted: false })

    // An ordinary council member sees that there is a case, not what it says.
    const redacted = await caseAs(MEMBER, caseId)
    expect(redacted).toMatchObject({ title: PRIVATE_TITLE, content: HIDDEN_TEXT, redacted: true, category: 'marriage_family', status: 'pending', level: 'village' })
    expect(redacted.photos).toEqual([])
    expect(redacted.photoUrls).toEqual({})
    for (const secret of secrets) expect(JSON.stringify(redacted)).not.toContain(secret)

    // The convener and the village's cadre (the holding org) see the full text, but not who she is.
    for (const holder of [CONVENER, VILLAGE_CADRE]) {
      const full = await caseAs(holder, caseId)
      expect(full).toMatchObject({ title, content, redacted: false, anonymous: true, mine: false })
      expect(full).not.toHaveProperty('phone')
      for (const secret of [RESIDENT, RESIDENT_NAME]) expect(JSON.stringify(full)).not.toContain(secret)
    }
    const queue = (await holderQueue(CONVENER)).find((c) => c.id === caseId)
    expect(queue).toMatchObject({ title, redacted: false })
    for (const secret of [RESIDENT, RESIDENT_NAME]) expect(JSON.stringify(queue)).not.toContain(secret)

    // Someone unrelated learns nothing, not even that it exists.
    expect(await refusal('intake', OTHER_RESIDENT, { action: 'get', caseId })).toBe('NOT_FOUND')
    expect(await refusal('intake', OTHER_RESIDENT, { action: 'get', caseId: 'case_does_not_exist' })).toBe('NOT_FOUND')

    // It goes up to the township: the township's cadre, now the holder, reads it in full; the member still does not.
    await call('escalation', CONVENER, { action: 'accept', caseId })
    await call('escalation', CONVENER, { action: 'escalate', caseId, reason: '涉及家暴，需镇妇联和司法所介入' })
    const atTownship = await caseAs(TOWNSHIP_CADRE, caseId)
    expect(atTownship).toMatchObject({ title, content, redacted: false, level: 'township', holderOrgId: TOWNSHIP })
    expect(atTownship.timeline.map((t) => t.text).join('\n')).toContain('涉及家暴，需镇妇联和司法所介入')
    for (const secret of [RESIDENT, RESIDENT_NAME]) expect(JSON.stringify(atTownship)).not.toContain(secret)
    const stillRedacted = await caseAs(MEMBER, caseId)
    expect(stillRedacted).toMatchObject({ title: PRIVATE_TITLE, content: HIDDEN_TEXT, redacted: true, level: 'township' })
    for (const secret of [...secrets, '涉及家暴']) expect(JSON.stringify(stillRedacted)).not.toContain(secret)

    // The messages about it name neither her nor what it is about.
    for (const person of [CONVENER, TOWNSHIP_CADRE, MEMBER]) {
      const text = JSON.stringify((await messageCentre(person)).items.filter((m) => m.page.includes(caseId)))
      for (const secret of [...secrets, '丈夫']) expect(text).not.toContain(secret)
    }
  })
})
