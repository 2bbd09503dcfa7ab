/**
 * Builders for domain specs: a chain, people bound to its orgs, commands with overrides, and cases
 * brought to a given level and status through the real decider (so a built case is always one
 * the rules can reach).
 */
import { LEVELS, type Level } from '../../../types/enums'
import {
  decide,
  evolve,
  fold,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type Chain,
  type Decision,
  type DomainError,
  type Person,
  type RoleBinding,
  type SubmitCase,
} from '../../../cloudfunctions/_shared/domain'

/** Monday 2025-03-03, 09:00 in Shanghai. */
export const T0 = '2025-03-03T01:00:00.000Z'
/**
 * When the next step happens. Plain date arithmetic, not the domain's own (iso-time.ts): these make
 * the commands' times; the deadlines a spec expects are written out as literal instants.
 */
export const hoursAfter = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 3_600_000).toISOString()
export const daysAfter = (iso: string, days: number): string => hoursAfter(iso, days * 24)

export function aChain(overrides: Partial<Chain> = {}): Chain {
  return {
    village: 'v-hemu',
    township: 't-xianlin',
    county: 'c-qixia',
    city: 'ci-nanjing',
    province: 'p-jiangsu',
    ...overrides,
  }
}

export const aPerson = (openid: string, ...roles: RoleBinding[]): Person => ({ openid, roles })

export const REPORTER = aPerson('o-reporter')
export const STRANGER = aPerson('o-stranger')

export const cadreAt = (level: Level, chain: Chain = aChain()): Person =>
  aPerson(`o-cadre-${level}`, { role: 'cadre', orgId: chain[level] })
export const convenerOf = (chain: Chain = aChain()): Person =>
  aPerson('o-convener', { role: 'convener', orgId: chain.village })
export const memberOf = (chain: Chain = aChain()): Person =>
  aPerson('o-member', { role: 'member', orgId: chain.village })
export const provinceAdmin = (chain: Chain = aChain()): Person =>
  aPerson('o-admin', { role: 'admin', orgId: chain.province })

/** Someone who may handle the case for its current holder. */
export const holderOf = (state: CaseState): Person =>
  state.level === 'village' ? convenerOf(state.chain) : cadreAt(state.level, state.chain)

export function aSubmitCase(overrides: Partial<SubmitCase> = {}): SubmitCase {
  const chain = overrides.chain ?? aChain()
  return {
    type: 'SubmitCase',
    at: T0,
    actor: REPORTER,
    caseId: 'case-1',
    kind: 'problem',
    category: 'governance',
    title: '村口路灯坏了三个月',
    content: '晚上接孩子放学路上很黑，希望尽快修好。',
    villageId: chain.village,
    chain,
    reporterOpenid: REPORTER.openid,
    anonymous: false,
    ...overrides,
  }
}

export interface History {
  events: CaseEvent[]
  state: CaseState
  /** The time of the latest event; the next step happens after it. */
  at: string
}

/** Applies one command that must succeed. */
export function step(history: History | null, command: CaseCommand): History {
  const decision = decide(command, history?.state ?? null)
  const events = eventsOf(decision)
  return {
    events: [...(history?.events ?? []), ...events],
    state: events.reduce<CaseState | null>(evolve, history?.state ?? null) as CaseState,
    at: command.at,
  }
}

export function aSubmittedCase(overrides: Partial<SubmitCase> = {}): History {
  return step(null, aSubmitCase(overrides))
}

export interface CaseSpec {
  submit?: Partial<SubmitCase>
  /**
   * Reached by escalating by hand, one hour per step, and then one hour per status step: filed at T0
   * (01:00Z), at the township at 02:00Z, the county 03:00Z, the city 04:00Z, the province 05:00Z.
   */
  level?: Level
  status?: 'pending' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn'
}

/** A case at the given level and status, reached through the real decider. */
export function aCase(spec: CaseSpec = {}): History {
  let h = aSubmittedCase(spec.submit)
  const target = LEVELS.indexOf(spec.level ?? 'village')
  while (LEVELS.indexOf(h.state.level) < target) {
    h = step(h, {
      type: 'EscalateCase',
      at: hoursAfter(h.at, 1),
      actor: holderOf(h.state),
      reason: '本级无法解决，请上级协调',
    })
  }
  const status = spec.status ?? 'pending'
  if (status === 'withdrawn') {
    return step(h, { type: 'WithdrawCase', at: hoursAfter(h.at, 1), actor: REPORTER })
  }
  if (status === 'pending') return h
  h = step(h, { type: 'AcceptCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state) })
  if (status === 'in_progress') return h
  h = step(h, {
    type: 'ResolveCase',
    at: hoursAfter(h.at, 1),
    actor: holderOf(h.state),
    outcome: 'solved',
    resolution: '已联系供电所更换路灯。',
  })
  if (status === 'resolved') return h
  return step(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, solved: 'yes', satisfaction: 'satisfied' })
}

/** Given these events, when this command: the decision. */
export function given(events: CaseEvent[]) {
  const state = fold(events)
  return { when: (command: CaseCommand) => decide(command, state) }
}

export function eventsOf(decision: Decision): CaseEvent[] {
  if (!decision.ok) throw new Error(`expected events, got ${decision.error.code}: ${decision.error.message}`)
  return decision.events
}

export function errorOf(decision: Decision): DomainError {
  if (decision.ok) throw new Error(`expected an error, got ${decision.events.map((e) => e.type).join(', ')}`)
  return decision.error
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
