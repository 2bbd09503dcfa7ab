/**
 * The authorization table (cloudfunctions/_shared/domain/authorization.table.ts), cell by cell,
 * against the real handlers on SQLite. Generated: every row × every role it names × every relation
 * the demo province can stage (own, above = her org is the parent or an ancestor, below, sibling,
 * unrelated), and for each cell every handler the row lists. A row without a probe here fails.
 *
 * Allowed: the handler does not answer FORBIDDEN or NOT_FOUND (the fixtures are staged so that it
 * succeeds). A write must succeed (save the few cells in STATE_ANSWERS, which no stage can make
 * succeed) and do what it says: the store afterwards shows the case moved, the ballot recorded, the
 * invitation made (each write probe's effect). Denied: FORBIDDEN or NOT_FOUND (or, for an aspect of
 * an answer such as a sensitive case's text, the answer without it); the denial leaks nothing (none
 * of the hidden thing's details in it, and a NOT_FOUND for a real case is the same answer as for a
 * case that does not exist), and a denied write changed nothing.
 *
 * The generated cells check the handlers against the table, so a wrong row would be copied into
 * both. BY_HAND is a sample of cells written from docs/RULES.md "Who may do what", checked against
 * the table and the handlers alike.
 *
 * The stage: 蒲河村 (210113001201) under 道义街道 / 沈北新区 / 沈阳市 / 辽宁省 is the target's line;
 * its siblings are 道义村 (a village), 清水台镇 (a township), 于洪区 (a county, added here) and
 * 大连市; unrelated are 清水台村 (a village under another township), 光明山镇, 庄河市, and 吉林省 with
 * 长春市 (added here; another province is where an admin stands unrelated). Personas are made per
 * cell with bindRole, as onboarding does; the reporter is the one who files the cell's case.
 */
import { accountFunction } from '../../cloudfunctions/account/account.function'
import { deliberationFunction } from '../../cloudfunctions/deliberation/deliberation.function'
import { escalationFunction } from '../../cloudfunctions/escalation/escalation.function'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { statsFunction } from '../../cloudfunctions/stats/stats.function'
import { outreachFunction } from '../../cloudfunctions/outreach/outreach.function'
import { DEMO_ORGS } from '../../cloudfunctions/_local/seed/demo-province'
import {
  AUTHORIZATION,
  AUTH_ACTIONS,
  AUTH_ROLES,
  RELATIONS,
  allowed,
  relationOf,
  tableProblems,
  type AuthAction,
  type AuthRole,
  type AuthorizationRow,
  type Relation,
} from '../../cloudfunctions/_shared/domain/authorization.table'
import { declarationOf, declarationsOf, type FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { FUNCTIONS } from '../../cloudfunctions/_local/functions'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import type { Deps } from '../../cloudfunctions/_shared/context/deps'
import { addOrg, bindRole } from '../../cloudfunctions/_shared/orgs/onboarding.service'
import type { AnnouncementRecord, AnswerRecord, OrgRecord, SurveyRecord } from '../../cloudfunctions/_shared/ports/store.port'
import type { CaseEvent, CaseState } from '../../cloudfunctions/_shared/domain'
import { LEVELS, type Level, type Role } from '../../types/enums'
import type { Envelope } from '../../types/envelope'
import {
  CITY_CADRE,
  CONVENER,
  COUNTY_CADRE,
  MEMBER,
  PROVINCE_CADRE,
  TOWNSHIP_CADRE,
  VILLAGE_CADRE,
} from '../support/demo'
import { demoDeps, type TestDeps } from '../support/test-deps'

const FN: Record<string, FunctionDef> = {
  intake: intakeFunction as FunctionDef,
  escalation: escalationFunction as FunctionDef,
  deliberation: deliberationFunction as FunctionDef,
  stats: statsFunction as FunctionDef,
  account: accountFunction as FunctionDef,
  outreach: outreachFunction as FunctionDef,
}

// ── the stage ────────────────────────────────────────────────────────────────────────────────────

const EXTRA_ORGS: OrgRecord[] = [
  { id: '210114', name: '于洪区', level: 'county', parentId: '210100' },
  { id: '220000', name: '吉林省', level: 'province', parentId: null },
  { id: '220100', name: '长春市', level: 'city', parentId: '220000' },
]
const ORGS = new Map([...DEMO_ORGS, ...EXTRA_ORGS].map((org) => [org.id, org]))

const LINE: Record<Level, string> = {
  village: '210113001201',
  township: '210113001',
  county: '210113',
  city: '210100',
  province: '210000',
}
const SIBLING: Partial<Record<Level, string>> = {
  village: '210113001202',
  township: '210113102',
  county: '210114',
  city: '210200',
}
const UNRELATED: Record<Level, string> = {
  village: '210113102201',
  township: '210283103',
  county: '210283',
  city: '220100',
  province: '220000',
}
/** The demo cadre who holds a case at each level of the line (and moves it along in fixtures). */
const HOLDER: Record<Level, string> = {
  village: VILLAGE_CADRE,
  township: TOWNSHIP_CADRE,
  county: COUNTY_CADRE,
  city: CITY_CADRE,
  province: PROVINCE_CADRE,
}

function treePath(orgId: string): string[] {
  const path: string[] = []
  for (let id: string | null = orgId; id !== null; id = ORGS.get(id)?.parentId ?? null) path.push(id)
  return path
}
const levelOf = (orgId: string): Level => ORGS.get(orgId)!.level

/** Orgs standing in `relation` to the line's org at `level`, the closest first. */
function candidates(relation: Relation, level: Level): string[] {
  const i = LEVELS.indexOf(level)
  switch (relation) {
    case 'own':
      return [LINE[level]]
    case 'above':
      return LEVELS.slice(i + 1).map((l) => LINE[l])
    case 'below':
      return LEVELS.slice(0, i).reverse().map((l) => LINE[l])
    case 'sibling':
      return SIBLING[level] ? [SIBLING[level]] : []
    case 'unrelated':
      // Another province is unrelated to anything on the line: where an admin can stand unrelated.
      return [...new Set([UNRELATED[level], UNRELATED.province])]
  }
}

function fits(role: AuthRole, level: Level): boolean {
  switch (role) {
    case 'member':
    case 'convener':
      return level === 'village'
    case 'admin':
      return level === 'province'
    default:
      return true
  }
}

interface Placement {
  target: string
  callerOrg: string
}

/** Where to stage a cell: the first target level (home first) at which the role can stand there. */
function place(levels: readonly Level[], role: AuthRole, relation: Relation): Placement | null {
  for (const level of levels) {
    const callerOrg = candidates(relation, level).find((org) => fits(role, levelOf(org)))
    if (callerOrg) return { target: LINE[level], callerOrg }
  }
  return null
}

// ── cells and probes ─────────────────────────────────────────────────────────────────────────────

interface Cell {
  deps: TestDeps
  action: AuthAction
  role: AuthRole
  relation: Relation
  target: string
  callerOrg: string
  /** The caller's openid (for the reporter: made by the case fixture). */
  caller: string
}

type Secret = string | RegExp

interface Shot {
  reply: Envelope<unknown>
  /**
   * For a write: what the action was to change and the store does not show, in words (empty: it
   * did it all). Asked after an allowed write (must be empty) and after a denied one (must not be).
   */
  effect?: () => Promise<string[]>
  /** What the denied caller must not learn. */
  secrets: Secret[]
  /** The same call for a thing that does not exist: a NOT_FOUND must look the same. */
  missing?: () => Promise<Envelope<unknown>>
  /**
   * For an aspect of an answer (a sensitive case's text, the contact details, the roll): whether the
   * answer carries it, and what an answer without it must not contain.
   */
  aspect?: Aspect
}

interface Aspect {
  carries: (data: any) => boolean
  hidden: Secret[]
}

interface Probe {
  handler: string
  shoot: (cell: Cell) => Promise<Shot>
  /** Whether its shots carry an effect: every write's do (the table test checks it). */
  checksEffect: boolean
}

/** An action, without the aspect of its answer a row decides ("intake.get (contact)" → "intake.get"). */
const handlerCalled = (handler: string) => handler.split(' ')[0]!

/**
 * The actions whose declarations name the row (cloudfunctions/<fn>/actions/*.action.ts): the one
 * place this test learns which actions a row decides.
 */
const handlersOf = (action: AuthAction): readonly string[] =>
  Object.values(FUNCTIONS)
    .flatMap((fn) => declarationsOf(fn).filter((d) => d.authorization.includes(action)).map((d) => `${d.fn}.${d.name}`))
    .sort()

/** Whether the probed action writes, as its declaration says (the others read, and check no effect). */
const writes = (handler: string) => {
  const [fn, name] = handlerCalled(handler).split('.') as [string, string]
  return Boolean(FUNCTIONS[fn] && declarationOf(FUNCTIONS[fn], name)?.kind === 'write')
}

/** Differences between what the store shows and what a write was to leave there, in words. */
function differences(shown: Record<string, unknown>, wanted: Record<string, unknown>): string[] {
  return Object.entries(wanted)
    .filter(([key, value]) => JSON.stringify(shown[key]) !== JSON.stringify(value))
    .map(([key, value]) => `${key} is ${JSON.stringify(shown[key])}, not ${JSON.stringify(value)}`)
}

let serial = 0
const next = () => ++serial

const call = (deps: Deps, fn: string, openid: string, event: Record<string, unknown>) =>
  handle(FN[fn]!, event, { kind: 'user', openid }, deps)

async function must<T = any>(deps: Deps, fn: string, openid: string, event: Record<string, unknown>): Promise<T> {
  const reply = await call(deps, fn, openid, event)
  if (!reply.ok) throw new Error(`fixture ${fn}.${String(event.action)} as ${openid}: ${reply.error.code} ${reply.error.message}`)
  return reply.data as T
}

const personas = new WeakMap<TestDeps, Set<string>>()

/** The caller of a cell: a person bound as `role` at `org` (a resident: living there). */
async function persona(deps: TestDeps, role: AuthRole, org: string): Promise<string> {
  const openid = `mx-${role}-${org}`
  const made = personas.get(deps) ?? new Set<string>()
  personas.set(deps, made)
  if (made.has(openid)) return openid
  await deps.store.transaction(async (tx) => {
    await tx.people.putUser({ openid, name: `${role}${org}`, homeOrgId: role === 'resident' ? org : null, publicPhone: null })
    if (role === 'resident' || role === 'reporter') return
    await bindRole(tx, { openid, role, orgId: org })
    if (role === 'convener') await bindRole(tx, { openid, role: 'member', orgId: org })
  })
  made.add(openid)
  return openid
}

// Cases ------------------------------------------------------------------------------------------

type Step = 'accept' | 'assign' | 'resolve' | 'requestExtension' | 'planTask'

interface CaseFixture {
  caseId: string
  title: string
  content: string
  reporter: string
  reporterName: string
  phone: string
  secrets: Secret[]
}

const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`

/**
 * A case filed at 蒲河村 and carried up the line to `cell.target` by the demo cadres, then taken
 * through `steps` there. The reporter is the cell's caller when the cell is about the reporter.
 */
async function aCase(
  cell: Cell,
  options: { sensitive?: boolean; phone?: boolean; steps?: Step[] } = {},
): Promise<CaseFixture> {
  const { deps } = cell
  const n = next()
  const reporter = cell.role === 'reporter' ? `mx-reporter-${n}` : `mx-filer-${n}`
  const reporterName = `反映人${n}号`
  await deps.store.people.putUser({ openid: reporter, name: reporterName, homeOrgId: cell.role === 'reporter' ? cell.callerOrg : LINE.village, publicPhone: null })
  if (cell.role === 'reporter') cell.caller = reporter
  const title = `楼道堆物第${n}号`
  const content = `第${n}号：三楼楼道堆满杂物，消防通道被堵，住户多次协商未果。`
  const phone = `1381234${String(n).padStart(4, '0')}`
  const { caseId } = await must<{ caseId: string }>(deps, 'intake', reporter, {
    action: 'submit',
    clientRequestId: `mx-request-${n}`,
    kind: 'problem',
    category: options.sensitive ? 'marriage_family' : 'governance',
    title,
    content,
    villageId: LINE.village,
    anonymous: false,
    ...(options.phone && { phone, address: `蒲河村${n}号院` }),
  })
  const level = levelOf(cell.target)
  for (const l of LEVELS.slice(0, LEVELS.indexOf(level))) {
    await must(deps, 'escalation', HOLDER[l], { action: 'escalate', caseId, reason: '需上级协调' })
  }
  for (const step of options.steps ?? []) {
    const holder = HOLDER[level]
    if (step === 'accept') await must(deps, 'escalation', holder, { action: 'accept', caseId })
    if (step === 'assign') await must(deps, 'escalation', holder, { action: 'assign', caseId, department: '街道城管科', note: '请清理楼道' })
    if (step === 'resolve') await must(deps, 'escalation', holder, { action: 'resolve', caseId, outcome: 'solved', resolution: '已清理楼道' })
    if (step === 'requestExtension') await must(deps, 'escalation', holder, { action: 'requestExtension', caseId, days: 3, reason: '需等物业答复' })
    if (step === 'planTask') {
      await must(deps, 'escalation', holder, {
        action: 'planTask',
        caseId,
        title: '协助清点杂物',
        assignee: { kind: 'volunteer', name: '王秀兰' },
        dueAt: new Date(Date.parse(deps.clock.now()) + 24 * 3_600_000).toISOString(),
      })
    }
  }
  const secrets = [title, content, reporter, reporterName, ...(options.phone ? [phone, maskedPhone(phone), `蒲河村${n}号院`] : [])]
  return { caseId, title, content, reporter, reporterName, phone, secrets }
}

/**
 * What a case write leaves, as [what the store shows, what it must show]: from the case as stored
 * and the newest event on its timeline.
 */
type EffectPair = [Record<string, unknown>, Record<string, unknown>]
type CaseEffect = (cell: Cell, after: CaseState, last: CaseEvent | undefined) => EffectPair | Promise<EffectPair>

/**
 * A probe on one case: stage it, call as the cell's caller, and the same call on a missing id. A
 * write names its effect as pairs of (what the store shows, what it must show).
 */
function onCase(
  handler: string,
  options: { sensitive?: boolean; phone?: boolean; steps?: Step[] },
  event: (cell: Cell, c: CaseFixture) => Record<string, unknown>,
  more: { aspect?: (c: CaseFixture) => Aspect; effect?: CaseEffect } = {},
): Probe {
  const [fn, action] = handler.split(/[. ]/) as [string, string]
  const { aspect, effect } = more
  return {
    handler,
    checksEffect: effect !== undefined,
    shoot: async (cell) => {
      const c = await aCase(cell, options)
      const shot = (caseId: string) => call(cell.deps, fn, cell.caller, { action, ...event(cell, c), caseId })
      return {
        reply: await shot(c.caseId),
        secrets: c.secrets,
        missing: () => shot('case_mx_missing'),
        ...(aspect && { aspect: aspect(c) }),
        ...(effect && {
          effect: async () => {
            const after = (await cell.deps.store.cases.get(c.caseId))!.state
            const last = (await cell.deps.store.cases.timeline(c.caseId)).at(-1)
            return differences(...(await effect(cell, after, last)))
          },
        }),
      }
    },
  }
}

/** A change by the holder's staff: the case as stored, and who the newest event says acted. */
const handled =
  (shown: (after: CaseState) => Record<string, unknown>, wanted: (cell: Cell) => Record<string, unknown>): CaseEffect =>
  (cell, after, last) => [
    { ...shown(after), by: last && 'by' in last ? last.by : null },
    { ...wanted(cell), by: { openid: cell.caller, role: cell.role } },
  ]

/** The org one above the target on the line: where an escalation goes. */
const aboveTarget = (cell: Cell) => LINE[LEVELS[LEVELS.indexOf(levelOf(cell.target)) + 1]!]

/** Where a 转办 from the target goes: the sibling at its level, and above the village a village under it. */
const transferTo = (cell: Cell) => {
  const level = levelOf(cell.target)
  return { toOrgId: SIBLING[level] ?? UNRELATED[level], ...(level === 'township' && { villageId: UNRELATED.village }) }
}

/** The org one below the target on the line: where a hand-back goes. */
const belowTarget = (cell: Cell) => LINE[LEVELS[Math.max(0, LEVELS.indexOf(levelOf(cell.target)) - 1)]!]

/**
 * 合并办理: two cases carried to the target; the caller merges the first into the second. Allowed, the
 * first is closed with its pointer and its reporter follows the second.
 */
function mergeProbe(): Probe {
  return {
    handler: 'escalation.merge',
    checksEffect: true,
    shoot: async (cell) => {
      const duplicate = await aCase(cell, pending)
      const into = await aCase(cell, pending)
      if (cell.role === 'reporter') cell.caller = duplicate.reporter
      const shot = (caseId: string) => call(cell.deps, 'escalation', cell.caller, { action: 'merge', caseId, intoCaseId: into.caseId })
      return {
        reply: await shot(duplicate.caseId),
        secrets: [...duplicate.secrets, ...into.secrets],
        missing: () => shot('case_mx_missing'),
        effect: async () => {
          const after = (await cell.deps.store.cases.get(duplicate.caseId))!.state
          const follows = await cell.deps.store.supporters.has(into.caseId, duplicate.reporter)
          return differences({ status: after.status, mergedInto: after.mergedInto ?? null, follows }, { status: 'closed', mergedInto: into.caseId, follows: true })
        },
      }
    },
  }
}

// Deliberations ----------------------------------------------------------------------------------

interface DeliberationFixture {
  deliberationId: string
  secrets: Secret[]
}

const hoursFrom = (deps: TestDeps, hours: number) => new Date(Date.parse(deps.clock.now()) + hours * 3_600_000).toISOString()

/** An open deliberation of 蒲河村's council (the cell's persona is on its roll if she sits there). */
async function aDeliberation(cell: Cell): Promise<DeliberationFixture> {
  const n = next()
  const title = `第${n}号议题：楼道杂物由谁清理`
  const background = `第${n}号背景：三楼住户反映楼道被杂物堵塞已有两个月。`
  const { deliberationId } = await must<{ deliberationId: string }>(cell.deps, 'deliberation', CONVENER, {
    action: 'open',
    orgId: cell.target,
    title,
    background,
    options: ['村集体组织清理', '住户自行清理'],
    closesAt: hoursFrom(cell.deps, 72),
  })
  return { deliberationId, secrets: [title, background] }
}

/** What a deliberation write leaves, in words (empty: all of it), read from the store. */
type DeliberationEffect = (cell: Cell, d: DeliberationFixture) => Promise<string[]>

function onDeliberation(
  handler: string,
  event: (cell: Cell, d: DeliberationFixture) => Record<string, unknown>,
  more: { aspect?: Aspect; effect?: DeliberationEffect } = {},
): Probe {
  const [fn, action] = handler.split(/[. ]/) as [string, string]
  const { aspect, effect } = more
  return {
    handler,
    checksEffect: effect !== undefined,
    shoot: async (cell) => {
      const d = await aDeliberation(cell)
      const shot = (deliberationId: string) => call(cell.deps, fn, cell.caller, { action, deliberationId, ...event(cell, d) })
      return {
        reply: await shot(d.deliberationId),
        secrets: d.secrets,
        missing: () => shot('dlb_mx_missing'),
        ...(aspect && { aspect }),
        ...(effect && { effect: () => effect(cell, d) }),
      }
    },
  }
}

const deliberationNow = async (cell: Cell, d: DeliberationFixture) => (await cell.deps.store.deliberations.get(d.deliberationId))!.state

/** Her ballot, in the store: the choices, and who recorded it for her if not she. */
const ballotIs = (voter: (cell: Cell) => string, wanted: (cell: Cell) => Record<string, unknown>): DeliberationEffect =>
  async (cell, d) => {
    const ballot = await cell.deps.store.ballots.get(d.deliberationId, voter(cell))
    if (!ballot) return [`no ballot of ${voter(cell)}`]
    const { counts, ballotCount } = await deliberationNow(cell, d)
    return differences({ choices: ballot.choices, proxy: ballot.proxy ?? null, counts, ballotCount }, wanted(cell))
  }

// Orgs -------------------------------------------------------------------------------------------

/** What an org-level write leaves, in words (empty: all of it), given the call and its answer. */
type OrgEffect = (cell: Cell, sent: Record<string, any>, reply: Envelope<any>) => Promise<string[]>

/** An org-level call; a denial must not carry any figure of the org (no digits at all). */
function onOrg(handler: string, event: (cell: Cell) => Record<string, unknown>, effect?: OrgEffect): Probe {
  const [fn, action] = handler.split('.') as [string, string]
  return {
    handler,
    checksEffect: effect !== undefined,
    shoot: async (cell) => {
      const sent = event(cell)
      const reply = await call(cell.deps, fn, cell.caller, { action, ...sent })
      return { reply, secrets: [/\d/], ...(effect && { effect: () => effect(cell, sent, reply) }) }
    },
  }
}

/** A report she filed: the case stored under her request id, pending at the village she chose. */
const filed =
  (wanted: (cell: Cell) => Record<string, unknown> = () => ({})): OrgEffect =>
  async (cell, sent) => {
    const caseId = await cell.deps.store.cases.byRequest(cell.caller, sent.clientRequestId)
    if (!caseId) return ['no case under her request id']
    const state = (await cell.deps.store.cases.get(caseId))!.state
    const [submitted] = await cell.deps.store.cases.timeline(caseId)
    const shown = {
      status: state.status,
      holder: state.holderOrgId,
      title: state.title,
      reporter: state.reporter.openid,
      filedOnBehalf: state.filedOnBehalf ?? false,
      by: submitted && 'by' in submitted ? submitted.by : null,
    }
    return differences(shown, { status: 'pending', holder: cell.target, title: sent.title, reporter: cell.caller, filedOnBehalf: false, ...wanted(cell) })
  }

function offering(role: Role): Probe[] {
  return [
    onOrg('account.invite', (cell) => ({ role, orgId: cell.target }), async (cell, _sent, reply) => {
      // An unused invitation to that seat, made by her.
      const code = reply.ok ? reply.data?.code : undefined
      const invitation = typeof code === 'string' ? await cell.deps.store.invitations.get(code) : null
      if (!invitation) return ['no invitation']
      return differences(
        { role: invitation.role, orgId: invitation.orgId, createdBy: invitation.createdBy, usedBy: invitation.usedBy ?? null },
        { role, orgId: cell.target, createdBy: cell.caller, usedBy: null },
      )
    }),
    {
      handler: 'account.revoke',
      checksEffect: true,
      shoot: async (cell) => {
        const n = next()
        const victim = `mx-seat-${n}`
        await cell.deps.store.transaction(async (tx) => {
          await tx.people.putUser({ openid: victim, name: `在任者${n}号`, homeOrgId: null, publicPhone: null })
          await bindRole(tx, { openid: victim, role, orgId: cell.target })
        })
        const reply = await call(cell.deps, 'account', cell.caller, { action: 'revoke', openid: victim, role, orgId: cell.target })
        const effect = async () => {
          const seats = await cell.deps.store.people.rolesOf(victim)
          return seats.some((m) => m.role === role && m.orgId === cell.target) ? [`${victim} still holds the ${role} seat`] : []
        }
        return { reply, secrets: [`在任者${n}号`, /\d/], effect }
      },
    },
  ]
}

// Standard answers -------------------------------------------------------------------------------

/** A live answer kept by the target org, in the store as its keeper would have saved it. */
async function anAnswer(cell: Cell): Promise<AnswerRecord> {
  const n = next()
  const at = cell.deps.clock.now()
  const answer: AnswerRecord = {
    id: `answer_mx_${n}`,
    orgId: cell.target,
    category: 'governance',
    title: `第${n}号标准答复`,
    body: `第${n}号答复：建议已转交村两委研究，结果在村务公开栏公示。`,
    createdBy: 'mx-keeper',
    createdAt: at,
    updatedBy: 'mx-keeper',
    updatedAt: at,
    retired: false,
  }
  await cell.deps.store.answers.put(answer)
  return answer
}

/** What an answer write leaves, in words (empty: all of it), read from the store. */
type AnswerEffect = (cell: Cell, a: AnswerRecord, sent: Record<string, any>) => Promise<string[]>

/** A probe on one answer of the target org; the same call names a missing answer for `missing`. */
function onAnswer(handler: string, event: (cell: Cell, a: AnswerRecord) => Record<string, unknown>, effect?: AnswerEffect): Probe {
  const [fn, action] = handler.split(/[. ]/) as [string, string]
  return {
    handler,
    checksEffect: effect !== undefined,
    shoot: async (cell) => {
      const a = await anAnswer(cell)
      const sent = event(cell, a)
      const shot = (body: Record<string, unknown>) => call(cell.deps, fn, cell.caller, { action, ...body })
      return {
        reply: await shot(sent),
        secrets: [a.title, a.body],
        ...('id' in sent && { missing: () => shot({ ...sent, id: 'answer_mx_missing' }) }),
        ...(effect && { effect: () => effect(cell, a, sent) }),
      }
    },
  }
}

const answerNow = async (cell: Cell, a: AnswerRecord) => (await cell.deps.store.answers.get(a.id))!

// Announcements ----------------------------------------------------------------------------------

/** A live announcement of the target org, in the store as its publisher would have saved it. */
async function anAnnouncement(cell: Cell): Promise<AnnouncementRecord> {
  const n = next()
  const announcement: AnnouncementRecord = {
    // Padded: the feed breaks ties of one instant by id, the later first.
    id: `announcement_mx_${String(n).padStart(6, '0')}`,
    orgId: cell.target,
    kind: 'notice',
    title: `第${n}号通知`,
    body: `第${n}号通知：本周六上午村委会广场健康讲座。`,
    pinned: false,
    publishedBy: 'mx-publisher',
    publishedAt: cell.deps.clock.now(),
    retired: false,
  }
  await cell.deps.store.announcements.put(announcement)
  return announcement
}

/** A probe on one announcement of the target org; a call naming it names a missing one for `missing`. */
function onAnnouncement(
  handler: string,
  event: (cell: Cell, a: AnnouncementRecord) => Record<string, unknown>,
  more: { aspect?: (a: AnnouncementRecord) => Aspect; effect?: (cell: Cell, a: AnnouncementRecord) => Promise<string[]> } = {},
): Probe {
  const [fn, action] = handler.split('.') as [string, string]
  return {
    handler,
    checksEffect: more.effect !== undefined,
    shoot: async (cell) => {
      const a = await anAnnouncement(cell)
      const sent = event(cell, a)
      const shot = (body: Record<string, unknown>) => call(cell.deps, fn, cell.caller, { action, ...body })
      return {
        reply: await shot(sent),
        secrets: [a.title, a.body],
        ...('announcementId' in sent && { missing: () => shot({ ...sent, announcementId: 'announcement_mx_missing' }) }),
        ...(more.aspect && { aspect: more.aspect(a) }),
        ...(more.effect && { effect: () => more.effect!(cell, a) }),
      }
    },
  }
}

// Surveys ----------------------------------------------------------------------------------------

interface SurveyFixture {
  survey: SurveyRecord
  /** The words of a free answer already given, when staged with one. */
  words: string | null
}

/** A residents' survey of the target org (open, or closed early), as its opener would have saved it, optionally with one free answer. */
async function aSurvey(cell: Cell, options: { closed?: boolean; answered?: boolean } = {}): Promise<SurveyFixture> {
  const n = next()
  const now = cell.deps.clock.now()
  const survey: SurveyRecord = {
    id: `survey_mx_${n}`,
    orgId: cell.target,
    title: `第${n}号调研`,
    questions: [
      { text: `第${n}号问题：您最需要哪项服务？`, options: ['法律咨询', '健康讲座'], multiple: false },
      { text: '还有什么建议？', free: true },
    ],
    audience: 'residents',
    openedBy: 'mx-opener',
    openedAt: now,
    closesAt: hoursFrom(cell.deps, 72),
    ...(options.closed && { closedAt: now, closedBy: 'mx-opener' }),
  }
  const words = options.answered ? `第${n}号建议：希望晚上也能办讲座` : null
  await cell.deps.store.transaction(async (tx) => {
    await tx.surveys.put(survey)
    if (!words) return
    const answerId = `answer_mx_${n}`
    await tx.surveyAnswers.put(`mx-answerer-${n}`, { surveyId: survey.id, answerId, chain: [cell.target], answers: [[1], words], answeredAt: now, changedAt: now, hasFree: true })
    await tx.surveyCounters.add(survey.id, [cell.target], { n: 1, q0: 1, 'q0:1': 1, q1: 1 }, answerId)
  })
  return { survey, words }
}

/** A probe on one survey of the target org; the same call names a missing one for `missing`. */
function onSurvey(
  handler: string,
  stage: { closed?: boolean; answered?: boolean },
  event: (cell: Cell, f: SurveyFixture) => Record<string, unknown>,
  more: { aspect?: (f: SurveyFixture) => Aspect; effect?: (cell: Cell, f: SurveyFixture) => Promise<string[]> } = {},
): Probe {
  const [fn, action] = handler.split(/[. ]/) as [string, string]
  return {
    handler,
    checksEffect: more.effect !== undefined,
    shoot: async (cell) => {
      const f = await aSurvey(cell, stage)
      const sent = event(cell, f)
      const shot = (body: Record<string, unknown>) => call(cell.deps, fn, cell.caller, { action, ...body })
      return {
        reply: await shot(sent),
        secrets: [f.survey.title, f.survey.questions[0]!.text, ...(f.words ? [f.words] : [])],
        ...('surveyId' in sent && { missing: () => shot({ ...sent, surveyId: 'survey_mx_missing' }) }),
        ...(more.aspect && { aspect: more.aspect(f) }),
        ...(more.effect && { effect: () => more.effect!(cell, f) }),
      }
    },
  }
}

const surveyNamed = (_cell: Cell, f: SurveyFixture) => ({ surveyId: f.survey.id })

// The rows ---------------------------------------------------------------------------------------

interface RowStage {
  /** Where the target may sit, the home level first. */
  levels: readonly Level[]
  probes: Probe[]
}

const from = (home: Level): Level[] => [home, ...LEVELS.filter((l) => l !== home)]
const detailOf = (data: any) => data?.case
const pending = {}
const accepted = { steps: ['accept'] as Step[] }

const STAGES: Record<AuthAction, RowStage> = {
  'case.submit': {
    levels: ['village'],
    probes: [
      onOrg(
        'intake.submit',
        (cell) => ({
          clientRequestId: `mx-submit-${next()}`,
          kind: 'suggestion',
          category: 'governance',
          title: '建议增设健身器材',
          content: '村里广场的健身器材太少，建议增设几件。',
          villageId: cell.target,
          anonymous: false,
        }),
        filed((cell) => ({ by: { openid: cell.caller, role: 'resident' } })),
      ),
    ],
  },
  'case.submitOnBehalf': {
    levels: ['village'],
    probes: [
      {
        ...onOrg(
          'intake.submit',
          (cell) => ({
            clientRequestId: `mx-behalf-${next()}`,
            kind: 'problem',
            category: 'governance',
            title: '代群众反映：路灯不亮',
            content: '群众反映村口路灯不亮，代为提交。',
            villageId: cell.target,
            anonymous: false,
            onBehalfOf: { name: '代报群众' },
          }),
          // Recorded as filed on behalf, by her as a council member.
          filed((cell) => ({ filedOnBehalf: true, by: { openid: cell.caller, role: 'member' } })),
        ),
        handler: 'intake.submit (on behalf)',
      },
    ],
  },
  'case.view': { levels: from('village'), probes: [onCase('intake.get', pending, () => ({}))] },
  'case.viewPrivate': {
    levels: from('village'),
    probes: [
      onCase('intake.get (sensitive text)', { sensitive: true }, () => ({}), {
        aspect: (c) => ({ carries: (data) => detailOf(data)?.content === c.content, hidden: [c.title, c.content] }),
      }),
    ],
  },
  'case.contact': {
    levels: from('village'),
    probes: [
      onCase('intake.get (contact)', { phone: true }, () => ({}), {
        aspect: (c) => ({ carries: (data) => detailOf(data)?.phone === maskedPhone(c.phone), hidden: c.secrets.slice(-3) }),
      }),
      // The full number, and a line in the audit log for each reveal.
      onCase('intake.revealContact', { phone: true }, () => ({}), {
        aspect: (c) => ({ carries: (data) => (data as { phone?: string; name?: string }).phone === c.phone && (data as { name?: string }).name === c.reporterName, hidden: c.secrets.slice(-3) }),
        effect: async (cell, after) => {
          const lines = (await cell.deps.store.audit.inSubtree([LINE.province], 1000)).filter((e) => e.targetId === after.id && e.action === 'intake.revealContact')
          return [{ lines: lines.length }, { lines: 1 }]
        },
      }),
    ],
  },
  'case.rate': {
    levels: from('village'),
    probes: [
      onCase('intake.rate', { steps: ['accept', 'resolve'] }, () => ({ solved: 'yes', satisfaction: 'satisfied' }), {
        effect: (_cell, after) => [{ status: after.status, rating: after.rating?.satisfaction }, { status: 'closed', rating: 'satisfied' }],
      }),
    ],
  },
  'case.withdraw': {
    levels: from('village'),
    probes: [onCase('intake.withdraw', pending, () => ({}), { effect: (_cell, after) => [{ status: after.status }, { status: 'withdrawn' }] })],
  },
  'case.accept': {
    levels: from('village'),
    probes: [
      onCase('escalation.accept', pending, () => ({}), {
        effect: handled((after) => ({ status: after.status, holder: after.holderOrgId }), (cell) => ({ status: 'in_progress', holder: cell.target })),
      }),
    ],
  },
  'case.resolve': {
    levels: from('village'),
    probes: [
      onCase('escalation.resolve', accepted, () => ({ outcome: 'solved', resolution: '已联系物业清理' }), {
        effect: handled(
          (after) => ({ status: after.status, outcome: after.outcome?.outcome, resolution: after.outcome?.resolution }),
          () => ({ status: 'resolved', outcome: 'solved', resolution: '已联系物业清理' }),
        ),
      }),
    ],
  },
  'case.escalate': {
    levels: from('village'),
    probes: [
      onCase('escalation.escalate', pending, () => ({ reason: '本级无法协调' }), {
        effect: handled((after) => ({ status: after.status, holder: after.holderOrgId }), (cell) => ({ status: 'pending', holder: aboveTarget(cell) })),
      }),
    ],
  },
  'case.handBack': {
    levels: from('township'),
    probes: [
      onCase('escalation.handBack', pending, (cell) => ({ toOrgId: belowTarget(cell), instructions: '请村里先行调解' }), {
        effect: handled((after) => ({ status: after.status, holder: after.holderOrgId }), (cell) => ({ status: 'pending', holder: belowTarget(cell) })),
      }),
    ],
  },
  'case.assign': {
    levels: from('village'),
    probes: [
      onCase('escalation.assign', accepted, () => ({ department: '街道城管科', note: '请协助清理' }), {
        effect: handled(
          (after) => ({ status: after.status, department: after.assignment?.department, note: after.assignment?.note }),
          () => ({ status: 'in_progress', department: '街道城管科', note: '请协助清理' }),
        ),
      }),
    ],
  },
  'case.reply': {
    levels: from('village'),
    probes: [
      onCase('escalation.reply', { steps: ['accept', 'assign'] }, () => ({ reply: '已安排清理' }), {
        effect: handled((after) => ({ reply: after.assignment?.answered?.reply }), () => ({ reply: '已安排清理' })),
      }),
    ],
  },
  'case.urge': {
    levels: from('village'),
    probes: [
      onCase('escalation.urge', pending, () => ({ note: '请尽快处理' }), {
        // Urged once, by her org, and the case stayed where it was.
        effect: handled(
          (after) => ({ urges: after.urges?.length ?? 0, from: after.urges?.[0]?.fromOrgId ?? null, holder: after.holderOrgId }),
          (cell) => ({ urges: 1, from: cell.callerOrg, holder: cell.target }),
        ),
      }),
    ],
  },
  'case.takeOver': {
    levels: from('village'),
    probes: [
      onCase('escalation.takeOver', pending, () => ({ reason: '群众多次反映，提级办理' }), {
        // Her org holds it now, at its level, waiting to be accepted.
        effect: handled(
          (after) => ({ status: after.status, holder: after.holderOrgId, level: after.level }),
          (cell) => ({ status: 'pending', holder: cell.callerOrg, level: levelOf(cell.callerOrg) }),
        ),
      }),
    ],
  },
  'case.transfer': {
    levels: from('village'),
    probes: [
      onCase('escalation.transfer', pending, (cell) => ({ ...transferTo(cell), reason: '反映人住在道义村，报错了村' }), {
        // Held by the sibling now, at the same level, pending there, its village the new one.
        effect: handled(
          (after) => ({ status: after.status, holder: after.holderOrgId, level: after.level, village: after.villageId }),
          (cell) => ({
            status: 'pending',
            holder: transferTo(cell).toOrgId,
            level: levelOf(cell.target),
            village: transferTo(cell).villageId ?? transferTo(cell).toOrgId,
          }),
        ),
      }),
    ],
  },
  'case.requestExtension': {
    levels: from('village'),
    probes: [
      onCase('escalation.requestExtension', accepted, () => ({ days: 3, reason: '需等物业答复' }), {
        // One request, of her org, for the days she asked; the deadline waits for the answer.
        effect: handled(
          (after) => ({ asked: after.extensions?.length ?? 0, by: after.extensions?.[0]?.orgId ?? null, days: after.extensions?.[0]?.days ?? null }),
          (cell) => ({ asked: 1, by: cell.target, days: 3 }),
        ),
      }),
    ],
  },
  'case.decideExtension': {
    // A province's case has no parent to ask.
    levels: ['village', 'township', 'county', 'city'],
    probes: [
      onCase('escalation.decideExtension', { steps: ['accept', 'requestExtension'] }, () => ({ approve: true, note: '同意' }), {
        // Approved by her org: the holder's deadline three days later.
        effect: handled(
          (after) => ({ approved: after.extensions?.at(-1)?.decision?.approve ?? null, from: after.extensions?.at(-1)?.decision?.orgId ?? null }),
          (cell) => ({ approved: true, from: cell.callerOrg }),
        ),
      }),
    ],
  },
  'case.planTask': {
    levels: from('village'),
    probes: [
      onCase(
        'escalation.planTask',
        accepted,
        (cell) => ({ title: '陪同去村委会登记', assignee: { kind: 'volunteer', name: '李桂芝' }, dueAt: hoursFrom(cell.deps, 24) }),
        // One task on the case, open, set at her org.
        {
          effect: handled(
            (after) => ({ tasks: after.tasks?.length ?? 0, status: after.tasks?.[0]?.status ?? null, at: after.tasks?.[0]?.orgId ?? null }),
            (cell) => ({ tasks: 1, status: 'open', at: cell.target }),
          ),
        },
      ),
      // The 添加任务 sheet's list: whoever may set a task may see whom she may name.
      onCase('escalation.taskAssignees', accepted, () => ({})),
    ],
  },
  'case.completeTask': {
    levels: from('village'),
    probes: [
      onCase('escalation.completeTask', { steps: ['accept', 'planTask'] }, () => ({ taskId: 't1', note: '已清点完毕' }), {
        effect: handled((after) => ({ status: after.tasks?.[0]?.status ?? null, note: after.tasks?.[0]?.note ?? null }), () => ({ status: 'done', note: '已清点完毕' })),
      }),
    ],
  },
  'case.exportPrivate': {
    levels: from('village'),
    probes: [
      onCase(
        'stats.exportCsv (sensitive text)',
        { sensitive: true },
        (cell) => ({ orgId: cell.role === 'resident' || cell.role === 'reporter' ? cell.target : cell.callerOrg }),
        { aspect: (c) => ({ carries: (data) => typeof data?.csv === 'string' && data.csv.includes(c.content), hidden: [c.title, c.content] }) },
      ),
    ],
  },

  // 我也遇到: anyone, on any case anyone may follow (the stage's case is named and not sensitive).
  'case.support': {
    levels: from('village'),
    probes: [
      onOrg('intake.similar', (cell) => ({ villageId: cell.target, category: 'governance' })),
      onCase('intake.meToo', pending, () => ({}), {
        effect: async (cell, after) => [
          { supporters: after.supporters ?? 0, follows: await cell.deps.store.supporters.has(after.id, cell.caller) },
          { supporters: 1, follows: true },
        ],
      }),
    ],
  },
  'case.merge': { levels: from('village'), probes: [mergeProbe()] },

  'deliberation.open': {
    levels: ['village'],
    probes: [
      onOrg(
        'deliberation.open',
        (cell) => ({
          orgId: cell.target,
          title: `第${next()}号议题：广场舞音量如何约定`,
          background: '晚间广场舞音量较大，部分住户希望约定时段。',
          options: ['晚九点前结束', '降低音量即可'],
          closesAt: hoursFrom(cell.deps, 72),
        }),
        async (cell, sent) => {
          // Open at her council, opened by her, the council on its roll.
          const open = await cell.deps.store.deliberations.ofOrgs([cell.target], 'open', 500)
          const made = open.find((d) => d.title === sent.title)
          if (!made) return ['no deliberation with that title']
          return differences(
            { orgId: made.orgId, openedBy: made.openedBy, onRoll: made.electorate.some((e) => e.openid === MEMBER) },
            { orgId: cell.target, openedBy: { openid: cell.caller, role: cell.role }, onRoll: true },
          )
        },
      ),
    ],
  },
  'deliberation.read': {
    levels: ['village'],
    probes: [
      onDeliberation('deliberation.get', () => ({})),
      onDeliberation('deliberation.list', (cell) => ({ orgId: cell.target })),
      onDeliberation('deliberation.resolveGroup', (cell) => ({ orgId: cell.target })),
    ],
  },
  'deliberation.vote': {
    levels: ['village'],
    probes: [
      onDeliberation('deliberation.vote', () => ({ choices: [0] }), {
        effect: ballotIs((cell) => cell.caller, () => ({ choices: [0], proxy: null, counts: [1, 0], ballotCount: 1 })),
      }),
    ],
  },
  'deliberation.proxyVote': {
    levels: ['village'],
    probes: [
      onDeliberation('deliberation.proxyVote', () => ({ memberOpenid: MEMBER, choices: [1], note: '电话中确认同意' }), {
        effect: ballotIs(
          () => MEMBER,
          (cell) => ({
            choices: [1],
            proxy: { byOpenid: cell.caller, byName: `${cell.role}${cell.callerOrg}`, note: '电话中确认同意' },
            counts: [0, 1],
            ballotCount: 1,
          }),
        ),
      }),
    ],
  },
  'deliberation.comment': {
    levels: ['village'],
    probes: [
      onDeliberation('deliberation.comment', () => ({ text: '同意由村集体组织清理' }), {
        effect: async (cell, d) => {
          const [comment, ...more] = await cell.deps.store.comments.latest(d.deliberationId, 10)
          if (!comment) return ['no comment']
          return differences(
            { author: comment.authorOpenid, role: comment.authorRole, text: comment.text, comments: 1 + more.length, count: (await deliberationNow(cell, d)).commentCount },
            { author: cell.caller, role: cell.role, text: '同意由村集体组织清理', comments: 1, count: 1 },
          )
        },
      }),
    ],
  },
  'deliberation.manage': {
    levels: ['village'],
    probes: [
      onDeliberation('deliberation.close', () => ({}), {
        effect: async (cell, d) => {
          const { status, closedBy } = await deliberationNow(cell, d)
          return differences({ status, closedBy }, { status: 'closed', closedBy: { openid: cell.caller, role: cell.role } })
        },
      }),
      onDeliberation('deliberation.bindGroup', (cell) => ({ orgId: cell.target, localGroupId: `mx-group-${next()}` }), {
        effect: async (cell) => {
          const groups = await cell.deps.store.councilGroups.ofOrg(cell.target)
          return groups.some((g) => g.boundBy === cell.caller) ? [] : ['no group bound by her']
        },
      }),
      onDeliberation('deliberation.get (roll)', () => ({}), { aspect: { carries: (data) => Array.isArray(data?.deliberation?.roll), hidden: ['"roll"'] } }),
      onDeliberation('deliberation.remindVoters', () => ({}), {
        effect: async (cell, d) => {
          const { nudgedAt } = await deliberationNow(cell, d)
          const lines = await cell.deps.store.audit.inSubtree([LINE.province], 1000)
          const mine = lines.some((l) => l.action === 'deliberation.remindVoters' && l.targetId === d.deliberationId && l.actorOpenid === cell.caller)
          return differences({ reminded: nudgedAt !== undefined, audited: mine }, { reminded: true, audited: true })
        },
      }),
    ],
  },
  'deliberation.share': {
    levels: ['village'],
    probes: [
      onDeliberation('deliberation.shareCard', () => ({}), {
        effect: async (cell, d) => {
          const { shareCard } = await deliberationNow(cell, d)
          return shareCard ? [] : ['no share card stored']
        },
      }),
    ],
  },

  'stats.read': {
    levels: from('township'),
    probes: [
      onOrg('stats.overview', (cell) => ({ orgId: cell.target })),
      onOrg('stats.exportCsv', (cell) => ({ orgId: cell.target })),
      onOrg('stats.ranking', (cell) => ({ orgId: cell.target, month: '2026-11' })),
      onOrg('stats.exportRanking', (cell) => ({ orgId: cell.target, month: '2026-11' })),
      onOrg('stats.hotspots', (cell) => ({ orgId: cell.target })),
      onOrg('stats.trend', (cell) => ({ orgId: cell.target, from: '2026-06', to: '2026-11' })),
      onOrg('stats.cases', (cell) => ({ orgId: cell.target, filter: { status: 'pending' } })),
      onOrg('escalation.overdue', (cell) => ({ orgId: cell.target })),
    ],
  },
  'audit.read': { levels: from('township'), probes: [onOrg('account.audit', (cell) => ({ orgId: cell.target }))] },

  'roles.offerMember': { levels: ['village'], probes: offering('member') },
  'roles.offerConvener': { levels: ['village'], probes: offering('convener') },
  'roles.offerCadre': { levels: from('township'), probes: offering('cadre') },
  'roles.offerAdmin': { levels: ['province'], probes: offering('admin') },
  'roles.list': {
    levels: from('township'),
    probes: [
      {
        handler: 'account.members',
        checksEffect: false,
        shoot: async (cell) => {
          const n = next()
          const seated = `mx-seated-${n}`
          await cell.deps.store.transaction(async (tx) => {
            await tx.people.putUser({ openid: seated, name: `在任干部${n}号`, homeOrgId: null, publicPhone: null })
            await bindRole(tx, { openid: seated, role: 'cadre', orgId: cell.target })
          })
          const reply = await call(cell.deps, 'account', cell.caller, { action: 'members', orgId: cell.target })
          return { reply, secrets: [seated, `在任干部${n}号`] }
        },
      },
    ],
  },

  // Her feed carries the target org's announcement exactly when she reads there.
  'outreach.read': {
    levels: from('village'),
    probes: [
      onAnnouncement('outreach.feed', () => ({}), {
        aspect: (a) => ({ carries: (data) => Array.isArray(data?.items) && data.items.some((i: { id: string }) => i.id === a.id), hidden: [a.title, a.body] }),
      }),
    ],
  },
  'outreach.publish': {
    levels: from('village'),
    probes: [
      onOrg(
        'outreach.publish',
        (cell) => ({ orgId: cell.target, kind: 'activity', title: `第${next()}号活动`, body: '周六上午村委会广场健康讲座。' }),
        async (cell, sent) => {
          const made = (await cell.deps.store.announcements.liveOfOrg(cell.target, 50)).find((a) => a.title === sent.title)
          if (!made) return ['no announcement with that title']
          return differences({ kind: made.kind, publishedBy: made.publishedBy }, { kind: 'activity', publishedBy: cell.caller })
        },
      ),
    ],
  },
  'outreach.retire': {
    levels: from('village'),
    probes: [
      onAnnouncement('outreach.retire', (_cell, a) => ({ announcementId: a.id }), {
        effect: async (cell, a) => {
          const now = (await cell.deps.store.announcements.get(a.id))!
          return differences({ retired: now.retired, retiredBy: now.retiredBy ?? null }, { retired: true, retiredBy: cell.caller })
        },
      }),
    ],
  },

  // Her list carries the target org's survey exactly when she lists there.
  'survey.list': {
    levels: from('village'),
    probes: [
      onSurvey('outreach.surveys', {}, () => ({}), {
        aspect: (f) => ({ carries: (data) => Array.isArray(data?.items) && data.items.some((i: { id: string }) => i.id === f.survey.id), hidden: [f.survey.title] }),
      }),
    ],
  },
  // A closed survey: its questions and its counts, for whoever may read it.
  'survey.read': {
    levels: from('village'),
    probes: [
      onSurvey('outreach.survey', { closed: true }, surveyNamed),
      onSurvey('outreach.surveyResults', { closed: true }, surveyNamed),
    ],
  },
  // An open one she has not answered: its counts only for those who watch it.
  'survey.watch': { levels: from('village'), probes: [onSurvey('outreach.surveyResults (open)', {}, surveyNamed)] },
  'survey.freeAnswers': {
    levels: from('village'),
    probes: [
      onSurvey('outreach.surveyResults (free)', { closed: true, answered: true }, surveyNamed, {
        aspect: (f) => ({ carries: (data) => Boolean(data?.free?.items?.some((i: { text: string }) => i.text === f.words)), hidden: [f.words!] }),
      }),
    ],
  },
  'survey.open': {
    levels: from('village'),
    probes: [
      {
        // Its own probe: earlier cells' staged surveys are closed first ("as if their deadline had
        // passed"), or the org's limit of open surveys would refuse the later cells.
        handler: 'outreach.openSurvey',
        checksEffect: true,
        shoot: async (cell) => {
          const { store } = cell.deps
          for (const open of (await store.surveys.ofOrg(cell.target, 50)).filter((x) => !x.closedAt)) await store.surveys.put({ ...open, closedAt: cell.deps.clock.now() })
          const title = `第${next()}号调研`
          const reply = await call(cell.deps, 'outreach', cell.caller, {
            action: 'openSurvey',
            orgId: cell.target,
            title,
            questions: [{ text: '您最需要哪项服务？', options: ['法律咨询', '健康讲座'] }],
            closesAt: hoursFrom(cell.deps, 72),
            audience: 'residents',
          })
          const effect = async () => {
            const made = (await store.surveys.ofOrg(cell.target, 50)).find((x) => x.title === title)
            if (!made) return ['no survey with that title']
            return differences({ openedBy: made.openedBy, audience: made.audience }, { openedBy: cell.caller, audience: 'residents' })
          }
          return { reply, secrets: [/\d/], effect }
        },
      },
      onSurvey('outreach.closeSurvey', {}, surveyNamed, {
        effect: async (cell, f) => {
          const now = (await cell.deps.store.surveys.get(f.survey.id))!
          return differences({ closedBy: now.closedBy ?? null }, { closedBy: cell.caller })
        },
      }),
    ],
  },
  // Her answer, kept and counted at the survey's org.
  'survey.answer': {
    levels: from('village'),
    probes: [
      onSurvey('outreach.answerSurvey', {}, (_cell, f) => ({ surveyId: f.survey.id, answers: [[0], ''] }), {
        effect: async (cell, f) => {
          const mine = await cell.deps.store.surveyAnswers.get(f.survey.id, cell.caller)
          if (!mine) return ['no answer of hers']
          const [counts] = await cell.deps.store.surveyCounters.of(f.survey.id, [cell.target])
          return differences({ answers: mine.answers, respondents: counts?.n ?? 0, chose: counts?.['q0:0'] ?? 0 }, { answers: [[0], ''], respondents: 1, chose: 1 })
        },
      }),
    ],
  },

  'knowledge.read': { levels: from('city'), probes: [onAnswer('account.kbList', (cell) => ({ orgId: cell.target }))] },
  'knowledge.write': {
    levels: from('city'),
    probes: [
      // A new answer at the target org, by her.
      onAnswer(
        'account.kbSave (new)',
        (cell) => ({ orgId: cell.target, category: 'marriage_family', title: `新答复第${next()}号`, body: '已会同调解委员会上门调解。' }),
        async (cell, _a, sent) => {
          const made = (await cell.deps.store.answers.ofOrg(cell.target, { includeRetired: true, limit: 500 })).find((x) => x.title === sent.title)
          if (!made) return ['no answer with that title']
          return differences({ category: made.category, createdBy: made.createdBy, retired: made.retired }, { category: 'marriage_family', createdBy: cell.caller, retired: false })
        },
      ),
      // Her words in place of the keeper's, the answer still the same one of the same org.
      onAnswer(
        'account.kbSave (edit)',
        (_cell, a) => ({ id: a.id, category: a.category, title: `修改后${a.title}`, body: a.body }),
        async (cell, a) => {
          const now = await answerNow(cell, a)
          return differences({ title: now.title, orgId: now.orgId, updatedBy: now.updatedBy }, { title: `修改后${a.title}`, orgId: cell.target, updatedBy: cell.caller })
        },
      ),
      onAnswer('account.kbRetire', (_cell, a) => ({ id: a.id }), async (cell, a) => differences({ retired: (await answerNow(cell, a)).retired }, { retired: true })),
    ],
  },
}

// ── judging ──────────────────────────────────────────────────────────────────────────────────────

const AUTHZ_DENIALS = ['FORBIDDEN', 'NOT_FOUND']

function verdictOf(shot: Shot): 'allowed' | 'denied' {
  const { reply } = shot
  if (!reply.ok) return AUTHZ_DENIALS.includes(reply.error.code) ? 'denied' : 'allowed'
  if (shot.aspect) return shot.aspect.carries(reply.data) ? 'allowed' : 'denied'
  return 'allowed'
}

const leaks = (text: string, secrets: Secret[]) =>
  secrets.filter((s) => (typeof s === 'string' ? text.includes(s) : s.test(text))).map(String)

/**
 * Allowed cells where the write cannot succeed however it is staged, with the answer they give
 * instead; every other allowed write must succeed and show its effect.
 */
const STATE_ANSWERS: Record<string, { code: string; why: string }> = {
  'case.handBack convener own': { code: 'INVALID_INPUT', why: 'a convener holds cases only at her village, which has nothing below to hand back to' },
  ...Object.fromEntries(
    RELATIONS.map((relation) => [`case.support reporter ${relation}`, { code: 'CONFLICT', why: 'her own case: its progress reaches her already (no me-too on it)' }]),
  ),
}

/** Problems with one probe's answer in one cell; empty when it agrees with `expected` and leaks nothing. */
async function judge(cell: Cell, probe: Probe, expected: boolean): Promise<{ problems: string[]; succeeded: boolean }> {
  const shot = await probe.shoot(cell)
  const { reply } = shot
  const problems: string[] = []
  const said = reply.ok ? 'ok' : `${reply.error.code} ${reply.error.message}`
  if (!reply.ok && ['INTERNAL', 'RATE_LIMITED', 'UNAUTHENTICATED'].includes(reply.error.code)) {
    problems.push(`${probe.handler}: unexpected ${said}`)
  }
  const verdict = verdictOf(shot)
  if (verdict !== (expected ? 'allowed' : 'denied')) {
    problems.push(`${probe.handler}: expected ${expected ? 'allow' : 'deny'}, the handler answered ${said}`)
  }
  if (writes(probe.handler) && !shot.effect) problems.push(`${probe.handler}: a write whose probe does not check its effect`)
  if (shot.effect && verdict === 'allowed') {
    const stateAnswer = STATE_ANSWERS[`${cell.action} ${cell.role} ${cell.relation}`]
    if (stateAnswer) {
      if (reply.ok || reply.error.code !== stateAnswer.code) problems.push(`${probe.handler}: expected ${stateAnswer.code} (${stateAnswer.why}), answered ${said}`)
    } else if (!reply.ok) {
      problems.push(`${probe.handler}: allowed, but the write did not succeed: ${said}`)
    } else {
      const missing = await shot.effect()
      if (missing.length > 0) problems.push(`${probe.handler}: answered ok, but ${missing.join('; ')}`)
    }
  }
  if (shot.effect && verdict === 'denied' && (await shot.effect()).length === 0) {
    problems.push(`${probe.handler}: refused (${said}), yet the store shows the change made`)
  }
  if (verdict === 'denied' && reply.ok) {
    // An answer without the aspect: the rest of it is hers to see, the aspect's details are not.
    const leaked = leaks(JSON.stringify(reply.data), shot.aspect?.hidden ?? [])
    if (leaked.length > 0) problems.push(`${probe.handler}: the answer without the aspect still carries ${leaked.join(', ')}`)
  }
  if (verdict === 'denied' && !reply.ok) {
    // A refusal says only its code, message and issues: none of them may carry what it hides.
    const leaked = leaks(JSON.stringify({ message: reply.error.message, issues: reply.error.issues ?? null }), shot.secrets)
    if (leaked.length > 0) problems.push(`${probe.handler}: the denial leaks ${leaked.join(', ')}`)
    if (reply.error.code === 'NOT_FOUND' && shot.missing) {
      const missing = await shot.missing()
      const told = (e: Envelope<unknown>) => JSON.stringify(e.ok ? e : [e.error.code, e.error.message, e.error.issues ?? null])
      if (told(missing) !== told(reply)) problems.push(`${probe.handler}: NOT_FOUND for a real one differs from one that does not exist`)
    }
  }
  return { problems, succeeded: reply.ok }
}

// ── the generated tests ──────────────────────────────────────────────────────────────────────────

/** Per row, per role: one mark per relation (A allowed and succeeded, a allowed by a state answer, - denied, · not stageable). */
const summary = new Map<AuthAction, Map<AuthRole, string[]>>()
let cellsRun = 0
let callsRun = 0

const rolesOf = (action: AuthAction) =>
  AUTH_ROLES.filter((role) => (AUTHORIZATION[action] as AuthorizationRow)[role] !== undefined)

describe('the table', () => {
  test('is sound: roles without an org and relations the rules cannot see answer alike', () => {
    expect(tableProblems()).toEqual([])
  })

  test('relationOf reads two paths (a path known only by its id is own, above or unrelated)', () => {
    const [v, t] = [treePath(LINE.village), treePath(LINE.township)]
    expect(relationOf(v, v)).toBe('own')
    expect(relationOf(t, v)).toBe('above')
    expect(relationOf(treePath(LINE.province), v)).toBe('above')
    expect(relationOf(v, t)).toBe('below')
    expect(relationOf(treePath(SIBLING.village!), v)).toBe('sibling')
    expect(relationOf(treePath(UNRELATED.village), v)).toBe('unrelated')
    expect(relationOf([LINE.township], v)).toBe('above')
    expect(relationOf([LINE.village], t)).toBe('unrelated')
    expect(relationOf([], v)).toBe('unrelated')
  })

  test('every row has a stage, and a probe for each action declaring it', () => {
    for (const action of AUTH_ACTIONS) {
      const probed = [...new Set(STAGES[action]?.probes.map((p) => handlerCalled(p.handler)))].sort()
      expect([action, probed]).toEqual([action, [...handlersOf(action)]])
    }
  })

  test('every probe of a write checks its effect, and only those', () => {
    for (const action of AUTH_ACTIONS) {
      for (const probe of STAGES[action].probes) expect([action, probe.handler, probe.checksEffect]).toEqual([action, probe.handler, writes(probe.handler)])
    }
  })

  test('the stage is what it says: each placement stands in its relation in the tree', () => {
    for (const action of AUTH_ACTIONS) {
      for (const role of rolesOf(action)) {
        for (const relation of RELATIONS) {
          const placement = place(STAGES[action].levels, role, relation)
          if (placement) expect([action, role, relationOf(treePath(placement.callerOrg), treePath(placement.target))]).toEqual([action, role, relation])
        }
      }
    }
  })
})

describe('found by the matrix', () => {
  test('a cadre who passes a case up is told it is done (case: null), not that it is missing', async () => {
    const deps = await demoDeps()
    try {
      const { caseId } = await must<{ caseId: string }>(deps, 'intake', 'mx-filer-regression', {
        action: 'submit',
        clientRequestId: 'mx-regression-escalate',
        kind: 'problem',
        category: 'governance',
        title: '村口路灯坏了',
        content: '村口到小学的路灯坏了两个月。',
        villageId: LINE.village,
        anonymous: false,
      })
      expect(await call(deps, 'escalation', VILLAGE_CADRE, { action: 'escalate', caseId, reason: '需街道协调' })).toEqual({ ok: true, data: { case: null } })
      expect(await call(deps, 'escalation', TOWNSHIP_CADRE, { action: 'escalate', caseId, reason: '需区里协调' })).toEqual({ ok: true, data: { case: null } })
      // The convener still follows it as a council member: she gets the case.
      const again = await must<{ caseId: string }>(deps, 'intake', 'mx-filer-regression-2', {
        action: 'submit',
        clientRequestId: 'mx-regression-escalate-2',
        kind: 'problem',
        category: 'governance',
        title: '垃圾站异味',
        content: '垃圾站夏天异味很大。',
        villageId: LINE.village,
        anonymous: false,
      })
      const reply = await must<{ case: { level: string } }>(deps, 'escalation', CONVENER, { action: 'escalate', caseId: again.caseId, reason: '需街道协调' })
      expect(reply.case.level).toBe('township')
    } finally {
      deps.store.close()
    }
  })
})

/** The demo province with the extra orgs of the stage, for one describe block. */
async function stageDeps(): Promise<TestDeps> {
  const deps = await demoDeps()
  // Rate limits are not what this suite is about: the demo cadres move hundreds of fixtures.
  delete (deps as Partial<Deps>).writeLimiter
  await deps.store.transaction(async (tx) => {
    for (const org of EXTRA_ORGS) await addOrg(tx, org)
  })
  return deps
}

/** Every probe of the row in one cell, judged against `expected`: the problems, and whether all succeeded. */
async function runCell(deps: TestDeps, action: AuthAction, role: AuthRole, relation: Relation, where: Placement, expected: boolean) {
  const problems: string[] = []
  let allSucceeded = true
  for (const probe of STAGES[action].probes) {
    const caller = role === 'reporter' ? '' : await persona(deps, role, where.callerOrg)
    const cell: Cell = { deps, action, role, relation, target: where.target, callerOrg: where.callerOrg, caller }
    const result = await judge(cell, probe, expected)
    problems.push(...result.problems)
    allSucceeded &&= result.succeeded
    callsRun++
  }
  return { problems, allSucceeded }
}

// ── cells written by hand ────────────────────────────────────────────────────────────────────────

/**
 * A sample of cells, each written from a line of docs/RULES.md "Who may do what" (and section 1 "Who
 * brings whom in"), not read off the table: [role, row, relation, allowed]. The relation is of the
 * caller's org to the target's: for a case, the org holding it now (`below`: she is at an org it came
 * up through); for a deliberation, its council's village; for figures, logs and seats, the org.
 */
const BY_HAND: [AuthRole, AuthAction, Relation, boolean][] = [
  // file a report: anyone, to any village
  ['resident', 'case.submit', 'unrelated', true],
  // file on behalf of a resident: a member or convener of that village
  ['member', 'case.submitOnBehalf', 'own', true],
  ['cadre', 'case.submitOnBehalf', 'own', false],
  // see a case: its reporter; a member or convener of the holding village, or of the village it came
  // up from; a cadre or the admin at the holder or above it
  ['reporter', 'case.view', 'unrelated', true],
  ['member', 'case.view', 'below', true],
  ['member', 'case.view', 'sibling', false],
  ['cadre', 'case.view', 'above', true],
  ['cadre', 'case.view', 'below', false],
  ['admin', 'case.view', 'above', true],
  ['resident', 'case.view', 'own', false],
  // see a sensitive case's private text: its reporter; the holder's convener; cadres and the admin at
  // the holder or above
  ['member', 'case.viewPrivate', 'own', false],
  ['convener', 'case.viewPrivate', 'own', true],
  ['convener', 'case.viewPrivate', 'below', false],
  ['cadre', 'case.viewPrivate', 'above', true],
  // the reporter's contact details: the holder's convener and cadres
  ['cadre', 'case.contact', 'own', true],
  ['cadre', 'case.contact', 'above', false],
  // accept, resolve, escalate, hand back, assign, reply: the holder's convener and cadres (not
  // members, not supervisors, not the admin)
  ['convener', 'case.accept', 'own', true],
  ['member', 'case.accept', 'own', false],
  ['cadre', 'case.accept', 'above', false],
  ['admin', 'case.accept', 'own', false],
  ['cadre', 'case.handBack', 'own', true],
  ['convener', 'case.resolve', 'below', false],
  // urge (催办), take over (提级办理): cadres of an org above the holder on the case's chain (not the
  // holder, not the admin, not the council)
  ['cadre', 'case.urge', 'above', true],
  ['cadre', 'case.urge', 'own', false],
  ['convener', 'case.urge', 'own', false],
  ['admin', 'case.urge', 'above', false],
  ['cadre', 'case.takeOver', 'above', true],
  ['cadre', 'case.takeOver', 'own', false],
  ['cadre', 'case.takeOver', 'below', false],
  // 我也遇到: anyone, wherever the case is; 合并办理: the holder's convener and cadres
  ['resident', 'case.support', 'unrelated', true],
  ['member', 'case.support', 'sibling', true],
  ['cadre', 'case.merge', 'own', true],
  ['convener', 'case.merge', 'own', true],
  ['cadre', 'case.merge', 'above', false],
  ['member', 'case.merge', 'own', false],
  // 转办: the holder's convener and cadres, or a cadre of the org directly above it
  ['convener', 'case.transfer', 'own', true],
  ['cadre', 'case.transfer', 'above', true],
  ['member', 'case.transfer', 'own', false],
  ['admin', 'case.transfer', 'above', false],
  ['cadre', 'case.transfer', 'below', false],
  // 延期: asked by the holder's convener and cadres, decided by a cadre of the org directly above it
  ['cadre', 'case.requestExtension', 'own', true],
  ['cadre', 'case.requestExtension', 'above', false],
  ['cadre', 'case.decideExtension', 'above', true],
  ['cadre', 'case.decideExtension', 'own', false],
  ['convener', 'case.decideExtension', 'below', false],
  // rate, withdraw: the reporter only
  ['reporter', 'case.rate', 'own', true],
  ['convener', 'case.withdraw', 'own', false],
  // a sensitive case's text in an export: only the convener and cadres of the org holding it now
  ['cadre', 'case.exportPrivate', 'above', false],
  // open a deliberation; close it, bind the group chat, see the roll: the village's convener and cadres
  ['cadre', 'deliberation.open', 'own', true],
  ['member', 'deliberation.open', 'own', false],
  ['cadre', 'deliberation.manage', 'own', true],
  // read a deliberation: the council and the village's cadres; cadres above and the admin watch
  ['cadre', 'deliberation.read', 'above', true],
  ['cadre', 'deliberation.comment', 'above', false],
  // vote: a member or convener of the council; a proxy ballot: the convener
  ['member', 'deliberation.vote', 'own', true],
  ['admin', 'deliberation.vote', 'above', false],
  ['member', 'deliberation.proxyVote', 'own', false],
  // an org's figures: its convener, cadres at it or above, the admin; its audit log: cadres and the admin
  ['member', 'stats.read', 'own', false],
  ['convener', 'audit.read', 'own', false],
  ['cadre', 'audit.read', 'above', true],
  // seats: a convener offers member seats on her council; a cadre member, convener or cadre roles at
  // her org or below; only the admin offers the admin's
  ['convener', 'roles.offerMember', 'own', true],
  ['convener', 'roles.offerConvener', 'own', false],
  ['cadre', 'roles.offerCadre', 'above', true],
  ['cadre', 'roles.offerAdmin', 'own', false],
  // standard answers: whoever resolves cases reads her city's and the province's, never another
  // city's; an org's own cadres keep them; the admin keeps any in her province
  ['convener', 'knowledge.read', 'below', true],
  ['member', 'knowledge.read', 'below', false],
  ['cadre', 'knowledge.read', 'sibling', false],
  ['cadre', 'knowledge.read', 'above', false],
  ['cadre', 'knowledge.write', 'own', true],
  ['cadre', 'knowledge.write', 'below', false],
  ['admin', 'knowledge.write', 'above', true],
  // announcements: everyone reads those of the orgs on her own line (a resident from her home
  // village), never a sibling village's; an org's own cadres and a village's convener publish and take
  // down; the admin takes down any in her province
  ['resident', 'outreach.read', 'own', true],
  ['resident', 'outreach.read', 'below', true],
  ['resident', 'outreach.read', 'sibling', false],
  ['cadre', 'outreach.read', 'above', false],
  ['convener', 'outreach.publish', 'own', true],
  ['member', 'outreach.publish', 'own', false],
  ['cadre', 'outreach.publish', 'above', false],
  ['resident', 'outreach.publish', 'own', false],
  ['admin', 'outreach.retire', 'above', true],
  ['cadre', 'outreach.retire', 'sibling', false],
  // surveys: asked by an org's own cadres or a village's convener; answered by who lives or sits on a
  // council under it, never by cadres; its counts while open for those who asked and the cadres above;
  // free answers only for those who asked
  ['convener', 'survey.open', 'own', true],
  ['cadre', 'survey.open', 'above', false],
  ['resident', 'survey.answer', 'below', true],
  ['resident', 'survey.answer', 'sibling', false],
  ['cadre', 'survey.answer', 'own', false],
  ['cadre', 'survey.watch', 'above', true],
  ['resident', 'survey.watch', 'own', false],
  ['cadre', 'survey.freeAnswers', 'own', true],
  ['cadre', 'survey.freeAnswers', 'above', false],
  ['cadre', 'survey.read', 'below', true],
  ['member', 'survey.list', 'sibling', false],
]

describe('cells written by hand from docs/RULES.md', () => {
  let deps: TestDeps
  beforeAll(async () => {
    deps = await stageDeps()
  })
  afterAll(() => deps.store.close())

  test.each(BY_HAND)('%s, %s, %s: allowed %s, by the table and by the handlers', async (role, action, relation, expected) => {
    expect(['the table', role, action, relation, allowed(role, action, relation)]).toEqual(['the table', role, action, relation, expected])
    const placement = place(STAGES[action].levels, role, relation)
    expect(placement).not.toBeNull()
    const { problems } = await runCell(deps, action, role, relation, placement!, expected)
    expect(problems).toEqual([])
  })
})

for (const action of AUTH_ACTIONS) {
  describe(action, () => {
    let deps: TestDeps
    beforeAll(async () => {
      deps = await stageDeps()
    })
    afterAll(() => deps.store.close())

    const marks = new Map<AuthRole, string[]>()
    summary.set(action, marks)
    const cells: [AuthRole, Relation, Placement][] = []
    for (const role of rolesOf(action)) {
      marks.set(role, RELATIONS.map(() => '·'))
      for (const relation of RELATIONS) {
        const placement = place(STAGES[action].levels, role, relation)
        if (placement) cells.push([role, relation, placement])
      }
    }

    test.each(cells)(`%s, %s: as the table says`, async (role, relation, placement) => {
      const expected = allowed(role, action, relation)
      const { problems, allSucceeded } = await runCell(deps, action, role, relation, placement, expected)
      cellsRun++
      marks.get(role)![RELATIONS.indexOf(relation)] = problems.length > 0 ? 'X' : !expected ? '-' : allSucceeded ? 'A' : 'a'
      expect(problems).toEqual([])
    })
  })
}

afterAll(() => {
  const width = Math.max(...AUTH_ACTIONS.map((a) => a.length))
  const header = `${'action'.padEnd(width)}  ${AUTH_ROLES.map((r) => r.padEnd(9)).join(' ')}`
  const lines = AUTH_ACTIONS.map((action) => {
    const marks = summary.get(action)
    const cellsOf = (role: AuthRole) => (marks?.get(role) ?? RELATIONS.map(() => ' ')).join('').padEnd(9)
    return `${action.padEnd(width)}  ${AUTH_ROLES.map(cellsOf).join(' ')}`
  })
  console.log(
    [
      `authorization matrix: ${cellsRun} cells, ${callsRun} handler calls`,
      `relations per role: ${RELATIONS.join(' / ')}; A allowed (succeeded), a allowed (state answer), - denied (leaks nothing), · not stageable, X disagrees`,
      header,
      ...lines,
    ].join('\n'),
  )
})
