/**
 * The authorization table (cloudfunctions/_shared/domain/authorization.table.ts), cell by cell,
 * against the real handlers on SQLite. Generated: every row × every role it names × every relation
 * the demo province can stage (own, above = her org is the parent or an ancestor, below, sibling,
 * unrelated), and for each cell every handler the row lists. A row without a probe here fails.
 *
 * Allowed: the handler does not answer FORBIDDEN or NOT_FOUND (the fixtures are staged so that it
 * succeeds; a state answer like CONFLICT would still count as allowed). Denied: FORBIDDEN or
 * NOT_FOUND (or, for an aspect of an answer such as a sensitive case's text, the answer without it),
 * and the denial leaks nothing: none of the hidden thing's details in it, and a NOT_FOUND for a real
 * case is the same answer as for a case that does not exist.
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
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import type { Deps } from '../../cloudfunctions/_shared/context/deps'
import { addOrg, bindRole } from '../../cloudfunctions/_shared/orgs/onboarding.service'
import type { OrgRecord } from '../../cloudfunctions/_shared/ports/store.port'
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
    await tx.people.putUser({ openid, name: `${role}${org}`, homeOrgId: role === 'resident' ? org : null })
    if (role === 'resident' || role === 'reporter') return
    await bindRole(tx, { openid, role, orgId: org })
    if (role === 'convener') await bindRole(tx, { openid, role: 'member', orgId: org })
  })
  made.add(openid)
  return openid
}

// Cases ------------------------------------------------------------------------------------------

type Step = 'accept' | 'assign' | 'resolve'

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
  await deps.store.people.putUser({ openid: reporter, name: reporterName, homeOrgId: cell.role === 'reporter' ? cell.callerOrg : LINE.village })
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
  }
  const secrets = [title, content, reporter, reporterName, ...(options.phone ? [phone, maskedPhone(phone), `蒲河村${n}号院`] : [])]
  return { caseId, title, content, reporter, reporterName, phone, secrets }
}

/** A probe on one case: stage it, call as the cell's caller, and the same call on a missing id. */
function onCase(
  handler: string,
  options: { sensitive?: boolean; phone?: boolean; steps?: Step[] },
  event: (cell: Cell, c: CaseFixture) => Record<string, unknown>,
  aspect?: (c: CaseFixture) => Aspect,
): Probe {
  const [fn, action] = handler.split(/[. ]/) as [string, string]
  return {
    handler,
    shoot: async (cell) => {
      const c = await aCase(cell, options)
      const shot = (caseId: string) => call(cell.deps, fn, cell.caller, { action, ...event(cell, c), caseId })
      return {
        reply: await shot(c.caseId),
        secrets: c.secrets,
        missing: () => shot('case_mx_missing'),
        ...(aspect && { aspect: aspect(c) }),
      }
    },
  }
}

/** The org one below the target on the line: where a hand-back goes. */
const belowTarget = (cell: Cell) => LINE[LEVELS[Math.max(0, LEVELS.indexOf(levelOf(cell.target)) - 1)]!]

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

function onDeliberation(
  handler: string,
  event: (cell: Cell, d: DeliberationFixture) => Record<string, unknown>,
  aspect?: Aspect,
): Probe {
  const [fn, action] = handler.split(/[. ]/) as [string, string]
  return {
    handler,
    shoot: async (cell) => {
      const d = await aDeliberation(cell)
      const shot = (deliberationId: string) => call(cell.deps, fn, cell.caller, { action, deliberationId, ...event(cell, d) })
      return {
        reply: await shot(d.deliberationId),
        secrets: d.secrets,
        missing: () => shot('dlb_mx_missing'),
        ...(aspect && { aspect }),
      }
    },
  }
}

// Orgs -------------------------------------------------------------------------------------------

/** An org-level call; a denial must not carry any figure of the org (no digits at all). */
function onOrg(handler: string, event: (cell: Cell) => Record<string, unknown>): Probe {
  const [fn, action] = handler.split('.') as [string, string]
  return {
    handler,
    shoot: async (cell) => ({ reply: await call(cell.deps, fn, cell.caller, { action, ...event(cell) }), secrets: [/\d/] }),
  }
}

function offering(role: Role): Probe[] {
  return [
    onOrg('account.invite', (cell) => ({ role, orgId: cell.target })),
    {
      handler: 'account.revoke',
      shoot: async (cell) => {
        const n = next()
        const victim = `mx-seat-${n}`
        await cell.deps.store.transaction(async (tx) => {
          await tx.people.putUser({ openid: victim, name: `在任者${n}号`, homeOrgId: null })
          await bindRole(tx, { openid: victim, role, orgId: cell.target })
        })
        const reply = await call(cell.deps, 'account', cell.caller, { action: 'revoke', openid: victim, role, orgId: cell.target })
        return { reply, secrets: [`在任者${n}号`, /\d/] }
      },
    },
  ]
}

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
      onOrg('intake.submit', (cell) => ({
        clientRequestId: `mx-submit-${next()}`,
        kind: 'suggestion',
        category: 'governance',
        title: '建议增设健身器材',
        content: '村里广场的健身器材太少，建议增设几件。',
        villageId: cell.target,
        anonymous: false,
      })),
    ],
  },
  'case.submitOnBehalf': {
    levels: ['village'],
    probes: [
      {
        ...onOrg('intake.submit', (cell) => ({
          clientRequestId: `mx-behalf-${next()}`,
          kind: 'problem',
          category: 'governance',
          title: '代群众反映：路灯不亮',
          content: '群众反映村口路灯不亮，代为提交。',
          villageId: cell.target,
          anonymous: false,
          onBehalfOf: { name: '代报群众' },
        })),
        handler: 'intake.submit (on behalf)',
      },
    ],
  },
  'case.view': { levels: from('village'), probes: [onCase('intake.get', pending, () => ({}))] },
  'case.viewPrivate': {
    levels: from('village'),
    probes: [
      onCase('intake.get (sensitive text)', { sensitive: true }, () => ({}), (c) => ({
        carries: (data) => detailOf(data)?.content === c.content,
        hidden: [c.title, c.content],
      })),
    ],
  },
  'case.contact': {
    levels: from('village'),
    probes: [
      onCase('intake.get (contact)', { phone: true }, () => ({}), (c) => ({
        carries: (data) => detailOf(data)?.phone === maskedPhone(c.phone),
        hidden: c.secrets.slice(-3),
      })),
    ],
  },
  'case.rate': { levels: from('village'), probes: [onCase('intake.rate', { steps: ['accept', 'resolve'] }, () => ({ rating: 'satisfied' }))] },
  'case.withdraw': { levels: from('village'), probes: [onCase('intake.withdraw', pending, () => ({}))] },
  'case.accept': { levels: from('village'), probes: [onCase('escalation.accept', pending, () => ({}))] },
  'case.resolve': {
    levels: from('village'),
    probes: [onCase('escalation.resolve', accepted, () => ({ outcome: 'solved', resolution: '已联系物业清理' }))],
  },
  'case.escalate': { levels: from('village'), probes: [onCase('escalation.escalate', pending, () => ({ reason: '本级无法协调' }))] },
  'case.handBack': {
    levels: from('township'),
    probes: [onCase('escalation.handBack', pending, (cell) => ({ toOrgId: belowTarget(cell), instructions: '请村里先行调解' }))],
  },
  'case.assign': {
    levels: from('village'),
    probes: [onCase('escalation.assign', accepted, () => ({ department: '街道城管科', note: '请协助清理' }))],
  },
  'case.reply': {
    levels: from('village'),
    probes: [onCase('escalation.reply', { steps: ['accept', 'assign'] }, () => ({ reply: '已安排清理' }))],
  },
  'case.exportPrivate': {
    levels: from('village'),
    probes: [
      onCase(
        'stats.exportCsv (sensitive text)',
        { sensitive: true },
        (cell) => ({ orgId: cell.role === 'resident' || cell.role === 'reporter' ? cell.target : cell.callerOrg }),
        (c) => ({ carries: (data) => typeof data?.csv === 'string' && data.csv.includes(c.content), hidden: [c.title, c.content] }),
      ),
    ],
  },

  'deliberation.open': {
    levels: ['village'],
    probes: [
      onOrg('deliberation.open', (cell) => ({
        orgId: cell.target,
        title: '广场舞音量如何约定',
        background: '晚间广场舞音量较大，部分住户希望约定时段。',
        options: ['晚九点前结束', '降低音量即可'],
        closesAt: hoursFrom(cell.deps, 72),
      })),
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
  'deliberation.vote': { levels: ['village'], probes: [onDeliberation('deliberation.vote', () => ({ choices: [0] }))] },
  'deliberation.proxyVote': {
    levels: ['village'],
    probes: [onDeliberation('deliberation.proxyVote', () => ({ memberOpenid: MEMBER, choices: [1], note: '电话中确认同意' }))],
  },
  'deliberation.comment': { levels: ['village'], probes: [onDeliberation('deliberation.comment', () => ({ text: '同意由村集体组织清理' }))] },
  'deliberation.manage': {
    levels: ['village'],
    probes: [
      onDeliberation('deliberation.close', () => ({})),
      onDeliberation('deliberation.bindGroup', (cell) => ({ orgId: cell.target, localGroupId: `mx-group-${next()}` })),
      onDeliberation('deliberation.get (roll)', () => ({}), { carries: (data) => Array.isArray(data?.deliberation?.roll), hidden: ['"roll"'] }),
    ],
  },

  'stats.read': {
    levels: from('township'),
    probes: [
      onOrg('stats.overview', (cell) => ({ orgId: cell.target })),
      onOrg('stats.exportCsv', (cell) => ({ orgId: cell.target })),
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
        shoot: async (cell) => {
          const n = next()
          const seated = `mx-seated-${n}`
          await cell.deps.store.transaction(async (tx) => {
            await tx.people.putUser({ openid: seated, name: `在任干部${n}号`, homeOrgId: null })
            await bindRole(tx, { openid: seated, role: 'cadre', orgId: cell.target })
          })
          const reply = await call(cell.deps, 'account', cell.caller, { action: 'members', orgId: cell.target })
          return { reply, secrets: [seated, `在任干部${n}号`] }
        },
      },
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

/** Problems with one probe's answer in one cell; empty when it agrees with the table and leaks nothing. */
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
    problems.push(`${probe.handler}: the table says ${expected ? 'allow' : 'deny'}, the handler answered ${said}`)
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

  test('every row has a stage, and a probe for each handler it lists', () => {
    for (const action of AUTH_ACTIONS) {
      expect([action, STAGES[action]?.probes.map((p) => p.handler)]).toEqual([action, [...AUTHORIZATION[action].handlers]])
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

for (const action of AUTH_ACTIONS) {
  describe(action, () => {
    let deps: TestDeps
    beforeAll(async () => {
      deps = await demoDeps()
      // Rate limits are not what this suite is about: the demo cadres move hundreds of fixtures.
      delete (deps as Partial<Deps>).writeLimiter
      await deps.store.transaction(async (tx) => {
        for (const org of EXTRA_ORGS) await addOrg(tx, org)
      })
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

    test.each(cells)(`%s, %s: as the table says`, async (role, relation, { target, callerOrg }) => {
      const expected = allowed(role, action, relation)
      const problems: string[] = []
      let allSucceeded = true
      for (const probe of STAGES[action].probes) {
        const caller = role === 'reporter' ? '' : await persona(deps, role, callerOrg)
        const cell: Cell = { deps, action, role, relation, target, callerOrg, caller }
        const result = await judge(cell, probe, expected)
        problems.push(...result.problems)
        allSucceeded &&= result.succeeded
        callsRun++
      }
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
