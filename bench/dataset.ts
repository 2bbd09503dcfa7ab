/**
 * A province-sized dataset in a SQLite file, fast: one transaction, prepared statements, and the
 * rows the real adapter writes, because they are written BY the real adapter (sqliteCases.create,
 * sqliteMessages.add, sqliteCounters.add) on the real schema (migrations + the demo seed).
 *
 * Cases are realistic because the real domain makes them: for each life a case can have (closed
 * after a rating, closed by the timer, withdrawn, escalated, reopened, open, due…) and each category,
 * the decider and evolve run once on a placeholder case (placeholder ids, chain, people, a base
 * instant); the message rows come from the real caseOutboxRows. That template (state, timeline,
 * messages) is then cloned with new ids, a real chain, real people and shifted instants. Streams:
 * nothing holds more than one case at a time, whatever the size.
 *
 * The org tree is the demo province (辽宁省, seeded by the real seed) grown to a synthetic province:
 * cities × counties × townships × villages, each village with a council (a convener, four members) and
 * a village cadre, cadres at every level above. Residents report from their home village.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { CATEGORIES, LEVELS, type CaseKind, type Category, type Level, type Role } from '../types/enums'
import { decide, evolve } from '../cloudfunctions/_shared/domain/case.decider'
import type { CaseCommand } from '../cloudfunctions/_shared/domain/case.commands'
import type { CaseEvent } from '../cloudfunctions/_shared/domain/case.events'
import type { CaseState } from '../cloudfunctions/_shared/domain/case.state'
import type { Person } from '../cloudfunctions/_shared/domain/actor.types'
import { counterDeltas, type CounterKey, type Counters } from '../cloudfunctions/_shared/domain/stats.counters'
import { caseOutboxRows } from '../cloudfunctions/_shared/cases/case-outbox-rows'
import type { MessageRecord, Repositories } from '../cloudfunctions/_shared/ports/store.port'
import { openSqliteStore } from '../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { sqliteCases } from '../cloudfunctions/_shared/adapters/sqlite/cases.sqlite'
import { sqliteMessages } from '../cloudfunctions/_shared/adapters/sqlite/messages.sqlite'
import { identitySeal } from '../cloudfunctions/_shared/adapters/sealed-identity'
import { DEV_KEY, aesGcmCipher } from '../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { sqliteCounters } from '../cloudfunctions/_shared/adapters/sqlite/counters.sqlite'
import { seedDemoProvince } from '../cloudfunctions/_local/seed/seed'

export interface ProvinceShape {
  cities: number
  countiesPerCity: number
  townshipsPerCounty: number
  villagesPerTownship: number
}

export interface DatasetOptions {
  file: string
  shape: ProvinceShape
  /** Every case in the file, the due ones included. */
  cases: number
  /** Cases whose accept deadline has passed at `now`: the same ones (ids, villages, times) in any size. */
  due: number
  /** The sweep instant; every other open case is due at least an hour after it. */
  now: string
  /** Extra residents with no case yet (reporters for the submit and crash figures): `bench-idle-<n>`. */
  idleResidents?: number
  /** Message rows for the history (5 per case on average): realistic, and a third of the build. */
  messages?: boolean
}

export interface Dataset {
  file: string
  now: string
  province: string
  villages: number
  orgs: number
  cases: number
  dueIds: string[]
  messages: number
  memberships: number
  /** The province cadre of the demo seed: she may read the province's figures. */
  provinceCadre: string
  /** The n-th idle resident (no case before the bench) and her home village. */
  idleResident(n: number): { openid: string; villageId: string }
  /** Openids that receive a new case's messages from her village: its convener and village cadre. */
  councilOf(villageId: string): string[]
  buildMs: number
}

export const PROVINCE = '210000'
export const PROVINCE_CADRE = 'demo-cadre-province'

// ————————————————————————————————————————— deterministic randomness

function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** 32 hex digits from a name: the same in every build. */
const hex32 = (name: string) => createHash('md5').update(name).digest('hex')
/**
 * An id as production makes it (adapters/ids.ts timeOrderedId: 12 hex digits of milliseconds, then
 * random ones), for a row made at `ms`: a province's rows lie in the file in the order they were made,
 * so the recent ones a sweep touches share leaves. The random part from the name: the same every build.
 */
const timeHex32 = (ms: number, name: string) => Math.floor(ms).toString(16).padStart(12, '0').slice(-12) + hex32(name).slice(0, 20)

// ————————————————————————————————————————— the org tree

interface OrgRow {
  id: string
  name: string
  level: Level
  parentId: string | null
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')
const CITY_NAMES = ['沈阳', '大连', '鞍山', '抚顺', '本溪', '丹东', '锦州', '营口', '阜新', '辽阳', '盘锦', '铁岭', '朝阳', '葫芦岛']

/** Yields the synthetic tree, parents first. Ids follow the national code format under 21 (辽宁). */
function* syntheticOrgs(shape: ProvinceShape, existing: Set<string>): Generator<OrgRow> {
  for (let c = 1; c <= shape.cities; c++) {
    const city = `21${pad(c, 2)}00`
    if (!existing.has(city)) yield { id: city, name: `${CITY_NAMES[(c - 1) % CITY_NAMES.length]}市`, level: 'city', parentId: PROVINCE }
    for (let k = 1; k <= shape.countiesPerCity; k++) {
      // 51..: clear of the real county codes the demo seed uses (13, 83, 21).
      const county = `21${pad(c, 2)}${pad(50 + k, 2)}`
      yield { id: county, name: `第${c}市第${k}区`, level: 'county', parentId: city }
      for (let t = 1; t <= shape.townshipsPerCounty; t++) {
        const township = `${county}${pad(t, 3)}`
        yield { id: township, name: `${k}区第${t}镇`, level: 'township', parentId: county }
        for (let v = 1; v <= shape.villagesPerTownship; v++) {
          yield { id: `${township}${pad(200 + v, 3)}`, name: `${t}镇第${v}村`, level: 'village', parentId: township }
        }
      }
    }
  }
}

// ————————————————————————————————————————— case templates through the real domain

/** Placeholders a template carries; each clone fills them. `@@T:<ms>@@` is an instant, relative. */
const CHAIN_TOKENS: Record<Level, string> = {
  village: '@@O_village@@',
  township: '@@O_township@@',
  county: '@@O_county@@',
  city: '@@O_city@@',
  province: '@@O_province@@',
}
const T0 = Date.parse('2026-01-05T02:00:00.000Z')
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString()

const TEXTS: Record<Category, { kind: CaseKind; title: string; content: string }> = {
  governance: {
    kind: 'suggestion',
    title: '建议在村口增设路灯',
    content: '村口到小学的路段晚上没有路灯，孩子放学和老人出门都不方便，建议增设几盏路灯并定期检修。',
  },
  personal: {
    kind: 'appeal',
    title: '邻居多次上门骚扰',
    content: '近两个月邻居多次酒后上门吵闹、辱骂，家里只有我和孩子，很害怕，希望议事会和相关部门帮忙协调处理。',
  },
  property: {
    kind: 'problem',
    title: '土地流转款迟迟未发',
    content: '去年签的土地流转合同约定年底前发放流转款，现在已经过了三个月还没有收到，多次询问没有答复。',
  },
  marriage_family: {
    kind: 'appeal',
    title: '离婚后孩子抚养费未给付',
    content: '离婚协议约定对方每月给付孩子抚养费，已经半年没有给付，联系不上对方，希望得到帮助。',
  },
  labor_social: {
    kind: 'problem',
    title: '在镇上工厂打工被拖欠工资',
    content: '在镇上服装厂做了四个月，老板只发了一个月工资，一起干活的十几个姐妹都被拖欠，希望帮忙讨薪。',
  },
  other: {
    kind: 'problem',
    title: '村里垃圾清运不及时',
    content: '村东头垃圾点一周才清运一次，夏天气味很大，蚊蝇多，希望增加清运次数。',
  },
}

/** Each life a case can have, as the commands that live it (hours after submission). */
type Step = { hours: number; command: (base: { at: string }) => CaseCommand }
const convener: Person = {
  openid: '@@CONV@@',
  roles: [
    { role: 'convener', orgId: CHAIN_TOKENS.village },
    { role: 'member', orgId: CHAIN_TOKENS.village },
  ],
}
const townshipCadre: Person = { openid: '@@C_township_0@@', roles: [{ role: 'cadre', orgId: CHAIN_TOKENS.township }] }
const reporter: Person = { openid: '@@R@@', roles: [] }
const accept = (hours: number, actor = convener): Step => ({ hours, command: (b) => ({ ...b, type: 'AcceptCase', actor }) })
const resolve = (hours: number, actor = convener): Step => ({
  hours,
  command: (b) => ({ ...b, type: 'ResolveCase', actor, outcome: 'solved', resolution: '已协调有关方面解决，并回访当事人。' }),
})
const ANSWERS = {
  satisfied: { solved: 'yes', satisfaction: 'satisfied' },
  sendOn: { solved: 'no', satisfaction: 'unsatisfied', reopen: true },
} as const
const rate = (hours: number, answers: keyof typeof ANSWERS): Step => ({
  hours,
  command: (b) => ({ ...b, type: 'RateCase', actor: reporter, ...ANSWERS[answers] }),
})
const system = (hours: number, type: 'MissDeadline' | 'AutoCloseCase'): Step => ({
  hours,
  command: (b) => ({ ...b, type, actor: 'system' }),
})

export const LIVES = {
  closedRated: [accept(3), resolve(72), rate(96, 'satisfied')],
  closedAuto: [accept(5), resolve(120), system(120 + 7 * 24, 'AutoCloseCase')],
  withdrawn: [{ hours: 2, command: (b) => ({ ...b, type: 'WithdrawCase', actor: reporter, reason: '问题已自行解决' }) }],
  escalatedClosed: [system(24, 'MissDeadline'), accept(30, townshipCadre), resolve(200, townshipCadre), rate(220, 'satisfied')],
  reopenedClosed: [accept(2), resolve(48), rate(60, 'sendOn'), accept(70, townshipCadre), resolve(150, townshipCadre), rate(170, 'satisfied')],
  /** Open: waiting to be accepted (submitted 1–20 h before `now`). */
  pending: [],
  /** Open: accepted, being handled (submitted 1–6 days before `now`). */
  inProgress: [accept(4)],
  /** Resolved, not yet rated (resolved 1–6 days before `now`). */
  resolvedUnrated: [accept(3), resolve(24)],
} satisfies Record<string, Step[]>
export type Life = keyof typeof LIVES

/** Share of each life in the history (the due cases come on top). */
const MIX: [Life, number][] = [
  ['closedRated', 0.7],
  ['closedAuto', 0.1],
  ['withdrawn', 0.04],
  ['escalatedClosed', 0.04],
  ['reopenedClosed', 0.03],
  ['pending', 0.02],
  ['inProgress', 0.05],
  ['resolvedUnrated', 0.02],
]

interface Template {
  life: Life
  category: Category
  /** The template's JSON cut at its placeholders: literal, token, literal, token, … literal. */
  parts: string[]
  deltas: Counters
  messages: number
}

/** A Repositories stand-in for caseOutboxRows: names and people are placeholders the clone fills. */
const placeholderOrg = (id: string) => ({ id, name: id.replace('@@O_', '@@N_'), level: 'village', parentId: null })
const placeholderPeople = (orgId: string, role: Role) => {
  const level = Object.entries(CHAIN_TOKENS).find(([, token]) => token === orgId)?.[0]
  const who =
    level === 'village'
      ? role === 'convener'
        ? ['@@CONV@@']
        : role === 'cadre'
          ? ['@@VC@@']
          : []
      : level && role === 'cadre'
        ? [`@@C_${level}_0@@`, `@@C_${level}_1@@`]
        : []
  return who.map((openid) => ({ openid, role, orgId }))
}
const placeholderTx = {
  orgs: { get: async (id: string) => placeholderOrg(id), many: async (ids: string[]) => ids.map(placeholderOrg) },
  people: {
    withRole: async (orgId: string, role: Role) => placeholderPeople(orgId, role),
    withRoles: async (orgId: string, roles: Role[]) => roles.flatMap((role) => placeholderPeople(orgId, role)),
  },
} as unknown as Repositories

async function makeTemplate(life: Life, category: Category): Promise<Template> {
  const text = TEXTS[category]
  let msgN = 0
  const ids = { next: () => `@@M${msgN++}@@` }
  const submit: CaseCommand = {
    type: 'SubmitCase',
    at: at(0),
    actor: reporter,
    caseId: '@@CASE@@',
    kind: text.kind,
    category,
    title: text.title,
    content: text.content,
    villageId: CHAIN_TOKENS.village,
    chain: CHAIN_TOKENS,
    reporterOpenid: '@@R@@',
    anonymous: false,
  }
  const events: CaseEvent[] = []
  const messages: MessageRecord[] = []
  let state: CaseState | null = null
  let version = 0
  for (const command of [submit, ...LIVES[life].map((step) => step.command({ at: at(step.hours) }))]) {
    const decision = decide(command, state)
    if (!decision.ok) throw new Error(`template ${life}/${category}: ${command.type}: ${decision.error.message}`)
    state = decision.events.reduce<CaseState | null>(evolve, state) as CaseState
    version++
    events.push(...decision.events)
    messages.push(...(await caseOutboxRows(placeholderTx, ids, decision.events, state, version, command.at)))
  }
  const final = state as CaseState
  // History was delivered long ago: settled rows (sent, read if the case is over), not pending ones.
  const over = final.status === 'closed' || final.status === 'withdrawn'
  for (const [i, message] of messages.entries()) {
    messages[i] = {
      ...message,
      status: 'sent',
      attempts: 1,
      sentAt: message.createdAt,
      ...(over && { readAt: message.createdAt }),
    }
  }
  // Instants become offsets from the submission, so a clone is the same life at another time.
  const json = JSON.stringify({ state: final, events, messages }).replace(
    /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g,
    (iso) => `@@T:${Date.parse(iso) - T0}@@`,
  )
  return {
    life,
    category,
    parts: json.split(/@@([^@"]+)@@/),
    deltas: counterDeltas(events, null, final),
    messages: messages.length,
  }
}

interface CloneValues {
  caseId: string
  submittedMs: number
  reporter: string
  chain: Record<Level, string>
  names: Record<Level, string>
  convener: string
  villageCadre: string
  cadre: (level: Level, n: number) => string
  msgId: () => string
}

function fill(template: Template, v: CloneValues): { state: CaseState; events: CaseEvent[]; messages: MessageRecord[] } {
  const parts = template.parts
  let out = parts[0] as string
  for (let i = 1; i < parts.length; i += 2) {
    const token = parts[i] as string
    let value: string
    if (token.startsWith('T:')) value = new Date(v.submittedMs + Number(token.slice(2))).toISOString()
    else if (token === 'CASE') value = v.caseId
    else if (token === 'R') value = v.reporter
    else if (token.startsWith('O_')) value = v.chain[token.slice(2) as Level]
    else if (token.startsWith('N_')) value = v.names[token.slice(2) as Level]
    else if (token === 'CONV') value = v.convener
    else if (token === 'VC') value = v.villageCadre
    else if (token.startsWith('C_')) {
      const [, level, n] = token.split('_')
      value = v.cadre(level as Level, Number(n))
    } else if (token.startsWith('M')) value = v.msgId()
    else throw new Error(`unknown placeholder ${token}`)
    out += value + (parts[i + 1] as string)
  }
  return JSON.parse(out)
}

// ————————————————————————————————————————— the build

export async function buildDataset(options: DatasetOptions): Promise<Dataset> {
  const started = Date.now()
  const { file, shape } = options
  const nowMs = Date.parse(options.now)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })

  // The real schema and the real demo seed, through the real store.
  const store = openSqliteStore(file, aesGcmCipher(DEV_KEY))
  await seedDemoProvince(store)
  await store.close()

  const db = new Database(file)
  // Building a throwaway file: no WAL (it would hold the whole build twice), the rollback journal in
  // memory (only the seed's few pages are ever journaled), no syncs, a big cache. Back to WAL at the end.
  db.pragma('journal_mode = DELETE')
  db.pragma('journal_mode = MEMORY')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -524288')
  db.pragma('temp_store = MEMORY')
  db.pragma('foreign_keys = OFF')

  // Secondary indexes are built once at the end (a sort) instead of row by row: the same definitions,
  // read back from the schema the migrations made.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[]
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`)

  const orgsInDb = new Set((db.prepare('SELECT id FROM orgs').all() as { id: string }[]).map((r) => r.id))
  const names = new Map((db.prepare('SELECT id, name FROM orgs').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]))
  const parentOf = new Map<string, string | null>(
    (db.prepare('SELECT id, parent_id FROM orgs').all() as { id: string; parent_id: string | null }[]).map((r) => [r.id, r.parent_id]),
  )

  const put = {
    org: db.prepare('INSERT INTO orgs (id, name, level, parent_id) VALUES (?, ?, ?, ?)'),
    user: db.prepare('INSERT OR IGNORE INTO users (openid, name, home_org_id) VALUES (?, ?, ?)'),
    bind: db.prepare('INSERT OR IGNORE INTO memberships (openid, role, org_id) VALUES (?, ?, ?)'),
    meta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
  }
  // The dev key, as the bench's handlers use (bench/support.ts): reporters and recipients sealed as the store seals them.
  const seal = identitySeal(aesGcmCipher(DEV_KEY))
  const cases = sqliteCases(db, seal)
  const messagesRepo = sqliteMessages(db, seal)
  const counters = sqliteCounters(db)

  const villages: string[] = []
  let memberships = 0
  let orgCount = 0
  // Onboarding's counters (orgs/onboarding.service.ts): a council per village, its `member` bindings.
  const onboarding = new Map<string, { councils: number; members: number }>()
  const countUp = (orgId: string, key: 'councils' | 'members', n: number) => {
    for (let id: string | null | undefined = orgId; id; id = parentOf.get(id)) {
      const entry = onboarding.get(id) ?? { councils: 0, members: 0 }
      entry[key] += n
      onboarding.set(id, entry)
    }
  }

  const cadreId = (orgId: string, n: number) => `bench-cadre-${orgId}-${n}`
  const convenerOf = (village: string) => `bench-conv-${village}`

  db.transaction(() => {
    for (const org of syntheticOrgs(shape, orgsInDb)) {
      put.org.run(org.id, org.name, org.level, org.parentId)
      names.set(org.id, org.name)
      parentOf.set(org.id, org.parentId)
      orgCount++
      if (org.level === 'village') {
        villages.push(org.id)
        countUp(org.id, 'councils', 1)
        const conv = convenerOf(org.id)
        put.user.run(conv, `议事会主任${org.id.slice(-3)}`, org.id)
        put.bind.run(conv, 'convener', org.id)
        put.bind.run(conv, 'member', org.id)
        for (let m = 1; m <= 4; m++) {
          const member = `bench-mem-${org.id}-${m}`
          put.user.run(member, `议事会成员${m}`, org.id)
          put.bind.run(member, 'member', org.id)
        }
        const vc = cadreId(org.id, 0)
        put.user.run(vc, '村妇联主席', null)
        put.bind.run(vc, 'cadre', org.id)
        memberships += 7
        countUp(org.id, 'members', 5)
      } else {
        for (let n = 0; n < 2; n++) {
          put.user.run(cadreId(org.id, n), `妇联干部${n + 1}`, null)
          put.bind.run(cadreId(org.id, n), 'cadre', org.id)
          memberships++
        }
      }
    }
  })()

  const chainOf = (village: string): Record<Level, string> => {
    const chain = {} as Record<Level, string>
    let id: string | null | undefined = village
    for (const level of LEVELS) {
      chain[level] = id as string
      id = parentOf.get(id as string)
    }
    return chain
  }

  // Templates: every life × every category, through the real decider and message planner.
  const templates = new Map<string, Template>()
  const lives: Life[] = [...(Object.keys(LIVES) as Life[])]
  for (const life of lives) for (const category of CATEGORIES) templates.set(`${life}/${category}`, await makeTemplate(life, category))
  const templateList = [...templates.values()]
  const templateIndex = new Map(templateList.map((t, i) => [t, i]))

  // Residents: four cases each on average, living in villages spread over the tree. The due cases'
  // reporters are the first ones, so they exist (same village, same name) in every size.
  const history = options.cases - options.due
  const residents = Math.max(1, Math.ceil(options.cases / 4), Math.ceil(options.due / 4))
  const dueReporters = Math.max(1, Math.ceil(options.due / 4))
  const villageOfResident = (r: number) => villages[(r * 7919) % villages.length] as string
  const residentId = (r: number) => `bench-r-${r}`

  // Counters per (village, template), summed at the end: ∑ count × deltas, rolled up the chain.
  const perVillage = new Map<string, Uint32Array>()
  const tally = (village: string, template: Template) => {
    let row = perVillage.get(village)
    if (!row) perVillage.set(village, (row = new Uint32Array(templateList.length)))
    row[templateIndex.get(template) as number]!++
  }

  let msgCounter = 0
  let caseCounter = 0
  let messageRows = 0
  const withMessages = options.messages !== false
  const cadre = (chain: Record<Level, string>) => (level: Level, n: number) =>
    level === 'province' ? PROVINCE_CADRE : cadreId(chain[level], n)

  const insertCase = (template: Template, caseId: string, submittedMs: number, r: number, requestId: string) => {
    const village = villageOfResident(r)
    const chain = chainOf(village)
    const clone = fill(template, {
      caseId,
      submittedMs,
      reporter: residentId(r),
      chain,
      names: Object.fromEntries(LEVELS.map((l) => [l, names.get(chain[l]) ?? ''])) as Record<Level, string>,
      convener: convenerOf(village),
      villageCadre: cadreId(village, 0),
      cadre: cadre(chain),
      // Made over the case's life; dated by its submission, which orders them closely enough.
      msgId: () => `msg_${timeHex32(submittedMs, `m${msgCounter++}`)}`,
    })
    // The adapter's own create: its column mapping, its timeline rows, its chain index. No await
    // inside it, so it runs here, inside the transaction.
    void cases.create(clone.state, clone.events, requestId)
    if (withMessages && clone.messages.length > 0) {
      void messagesRepo.add(clone.messages)
      messageRows += clone.messages.length
    }
    tally(village, template)
    caseCounter++
  }

  const dueTemplates = CATEGORIES.map((c) => templates.get(`pending/${c}`) as Template)
  const dueIds: string[] = []
  /** Submitted 25–47 h before `now`: the 24 h accept deadline has passed, by 1–23 h. */
  const dueSubmittedMs = (i: number) => Math.floor(nowMs - (25 + mulberry32(1_000_003 + i)() * 22) * 3_600_000)
  const dueCase = (i: number) => {
    const submittedMs = dueSubmittedMs(i)
    const id = `case_${timeHex32(submittedMs, `due-${i}`)}`
    dueIds.push(id)
    insertCase(dueTemplates[i % dueTemplates.length] as Template, id, submittedMs, i % dueReporters, `req-${hex32(`due-req-${i}`)}`)
  }

  const rnd = mulberry32(42)
  const dayMs = 86_400_000
  const hourMs = 3_600_000
  const category = () => CATEGORIES[Math.floor(rnd() * CATEGORIES.length)] as Category
  const historyCase = (i: number, life: Life, submittedMs: number) => {
    const r = Math.floor(rnd() * residents)
    const template = templates.get(`${life}/${category()}`) as Template
    insertCase(template, `case_${timeHex32(submittedMs, `h-${i}`)}`, Math.floor(submittedMs), r, `req-${hex32(`req-${i}`)}`)
  }
  // Cases arrive in time order, as they would in production: closed ones over the two years before
  // the last two months, open ones recently enough that their next deadline is ≥ 1 h after `now`.
  const RECENT: Partial<Record<Life, [number, number]>> = {
    pending: [1 * hourMs, 20 * hourMs],
    inProgress: [1 * dayMs, 6 * dayMs],
    resolvedUnrated: [1 * dayMs, 6 * dayMs],
  }
  const closedMix = MIX.filter(([life]) => !RECENT[life])
  const closedShare = closedMix.reduce((sum, [, share]) => sum + share, 0)
  const recent: { ms: number; life: Life | null; i: number }[] = []
  let planned = 0
  for (const [life, share] of MIX) {
    const window = RECENT[life]
    if (!window) continue
    const n = Math.round(share * history)
    for (let k = 0; k < n && planned < history; k++, planned++) {
      recent.push({ ms: nowMs - window[0] - rnd() * (window[1] - window[0]), life, i: planned })
    }
  }
  for (let i = 0; i < options.due; i++) recent.push({ ms: dueSubmittedMs(i), life: null, i })
  recent.sort((a, b) => a.ms - b.ms)
  const closedCount = history - planned
  const pickClosed = (): Life => {
    let x = rnd() * closedShare
    for (const [life, share] of closedMix) if ((x -= share) < 0) return life
    return closedMix[0]![0]
  }

  // One transaction for every case.
  db.transaction(() => {
    for (let r = 0; r < residents; r++) put.user.run(residentId(r), null, villageOfResident(r))
    for (let r = 0; r < (options.idleResidents ?? 0); r++) put.user.run(`bench-idle-${r}`, null, villageOfResident(r))
    const from = nowMs - 730 * dayMs
    const step = closedCount > 0 ? (670 * dayMs) / closedCount : 0
    for (let k = 0; k < closedCount; k++) historyCase(planned + k, pickClosed(), from + (k + rnd()) * step)
    for (const item of recent) {
      if (item.life === null) dueCase(item.i)
      else historyCase(item.i, item.life, item.ms)
    }

    // Counters: the cases' (by the domain's counterDeltas of each template) and onboarding's.
    const byOrg = new Map<string, Counters>()
    const addTo = (orgId: string, deltas: Counters, times: number) => {
      for (let id: string | null | undefined = orgId; id; id = parentOf.get(id)) {
        const into = byOrg.get(id) ?? {}
        for (const [key, n] of Object.entries(deltas) as [CounterKey, number][]) into[key] = (into[key] ?? 0) + n * times
        byOrg.set(id, into)
      }
    }
    for (const [village, row] of perVillage) {
      row.forEach((count, t) => {
        if (count > 0) addTo(village, (templateList[t] as Template).deltas, count)
      })
    }
    for (const [orgId, extra] of onboarding) {
      const into = byOrg.get(orgId) ?? {}
      into.councils = (into.councils ?? 0) + extra.councils
      into.members = (into.members ?? 0) + extra.members
      byOrg.set(orgId, into)
    }
    for (const [orgId, deltas] of byOrg) void counters.add([orgId], deltas)
    put.meta.run('bench.dataset', JSON.stringify({ cases: options.cases, due: options.due, now: options.now }))
  })()

  for (const { sql } of indexes) db.exec(sql)
  db.pragma('journal_mode = WAL')
  db.close()

  return {
    file,
    now: options.now,
    province: PROVINCE,
    villages: villages.length,
    orgs: orgCount + orgsInDb.size,
    cases: caseCounter,
    dueIds,
    messages: messageRows,
    memberships,
    provinceCadre: PROVINCE_CADRE,
    idleResident: (n) => ({ openid: `bench-idle-${n}`, villageId: villageOfResident(n) }),
    councilOf: (villageId) => [convenerOf(villageId), cadreId(villageId, 0)],
    buildMs: Date.now() - started,
  }
}
