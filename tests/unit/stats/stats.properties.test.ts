/**
 * For any sequence of case commands across several villages, the counters kept change by change equal
 * what a full scan of the case timelines computes, at every org of the tree — the all-time counters
 * and the monthly ones (per org and month), 转办 that move a case to another village or township (its
 * chain with it) and 延期 that move its deadline included. The scan (domain/stats.scan.ts) derives each
 * case's figures from its events alone, without the state fold, counterDeltas or monthlyDeltas, so the
 * two agree only if the incremental rules are right. 我也遇到 and 合并办理 included: a merged duplicate is
 * counted once, as the case it was merged into (the month it was filed no longer counts it).
 */
import fc from 'fast-check'
import { CASE_STATUSES, CATEGORIES, LEVELS, OUTCOMES, SATISFACTIONS, SOLVED_ANSWERS } from '../../../types/enums'
import {
  addMs,
  counterWrites,
  countersByOrg,
  facetHolds,
  decide,
  evolve,
  monthlyCountersByOrg,
  monthlyDeltas,
  nextDue,
  orgsFrom,
  resolutionsOf,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type Counters,
  type MonthlyCounters,
} from '../../../cloudfunctions/_shared/domain'
import { REPORTER, T0, aChain, aSubmitCase, cadreAt, holderOf } from '../domain/case.builders'

// Villages under the same township, another township, another county: subtrees overlap at every level.
const CHAINS = [
  aChain(),
  aChain({ village: 'v-2' }),
  aChain({ village: 'v-3', township: 't-2' }),
  aChain({ village: 'v-4', township: 't-3', county: 'c-2' }),
]

const COMMANDS = {
  SubmitCase: 3,
  AcceptCase: 6,
  ResolveCase: 6,
  EscalateCase: 3,
  HandBackCase: 2,
  AssignDepartment: 1,
  RecordDepartmentReply: 1,
  RateCase: 6,
  WithdrawCase: 1,
  AutoCloseCase: 2,
  MissDeadline: 4,
  RemindDeadline: 2,
  UrgeCase: 2,
  TakeOverCase: 1,
  TransferCase: 3,
  RequestExtension: 2,
  DecideExtension: 2,
  SupportCase: 2,
  MergeCase: 3,
} as const
type CommandType = keyof typeof COMMANDS

const intentArb = fc.record({
  type: fc.oneof(...(Object.entries(COMMANDS) as [CommandType, number][]).map(([t, weight]) => ({ arbitrary: fc.constant(t), weight }))),
  pick: fc.nat(),
  chain: fc.nat({ max: CHAINS.length - 1 }),
  category: fc.constantFrom(...CATEGORIES),
  wait: fc.oneof(
    fc.integer({ min: 0, max: 600 }).map((minutes) => ({ minutes })),
    fc.integer({ min: 0, max: 60 * 24 * 35 }).map((minutes) => ({ minutes })),
    fc.constant('due' as const),
  ),
  level: fc.constantFrom(...LEVELS),
  rating: fc.record({ solved: fc.constantFrom(...SOLVED_ANSWERS), satisfaction: fc.constantFrom(...SATISFACTIONS), reopen: fc.boolean() }),
  outcome: fc.constantFrom(...OUTCOMES),
  text: fc.oneof({ arbitrary: fc.constant('请协调处理'), weight: 9 }, { arbitrary: fc.constant(''), weight: 1 }),
})
type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never

interface Tracked {
  state: CaseState
  timeline: CaseEvent[]
}

function commandFor(intent: Intent, c: Tracked | undefined, at: string, nextId: string, into?: Tracked): CaseCommand {
  if (!c || intent.type === 'SubmitCase') {
    return aSubmitCase({ caseId: nextId, at, chain: CHAINS[intent.chain]!, category: intent.category })
  }
  const state = c.state
  const holder = { at, actor: holderOf(state) }
  switch (intent.type) {
    case 'AcceptCase':
      return { type: 'AcceptCase', ...holder }
    case 'ResolveCase':
      return { type: 'ResolveCase', ...holder, outcome: intent.outcome, resolution: intent.text }
    case 'EscalateCase':
      return { type: 'EscalateCase', ...holder, reason: intent.text }
    case 'HandBackCase':
      return { type: 'HandBackCase', ...holder, toOrgId: state.chain[intent.level], instructions: intent.text }
    case 'AssignDepartment':
      return { type: 'AssignDepartment', ...holder, department: '司法所', note: intent.text }
    case 'RecordDepartmentReply':
      return { type: 'RecordDepartmentReply', ...holder, reply: intent.text }
    case 'RateCase':
      return { type: 'RateCase', at, actor: REPORTER, ...intent.rating }
    case 'WithdrawCase':
      return { type: 'WithdrawCase', at, actor: REPORTER }
    case 'UrgeCase':
      // A cadre at the drawn level: above the holder or not, as it falls.
      return { type: 'UrgeCase', at, actor: cadreAt(intent.level, state.chain), note: intent.text }
    case 'TakeOverCase':
      return { type: 'TakeOverCase', at, actor: cadreAt(intent.level, state.chain), reason: intent.text }
    case 'TransferCase': {
      // To the drawn chain's org at the case's level, by the holder or a cadre at the drawn level: to
      // another village or township (the chain moves), or refused (the same org, another parent, too late).
      const chain = CHAINS[intent.chain]!
      const actor = intent.rating.reopen ? holderOf(state) : cadreAt(intent.level, state.chain)
      return { type: 'TransferCase', at, actor, toOrgId: chain[state.level], reason: intent.text, chain }
    }
    case 'RequestExtension':
      return { type: 'RequestExtension', ...holder, days: 1 + (intent.pick % 12), reason: intent.text }
    case 'DecideExtension':
      return { type: 'DecideExtension', at, actor: cadreAt(intent.level, state.chain), approve: intent.rating.reopen }
    case 'SupportCase':
      return { type: 'SupportCase', at, actor: cadreAt(intent.level, state.chain), following: intent.rating.reopen }
    case 'MergeCase':
      // Into another tracked case (or itself, refused): the loop decides the target's side after it.
      return { type: 'MergeCase', ...holder, into: (into ?? c).state }
    case 'AutoCloseCase':
    case 'MissDeadline':
    case 'RemindDeadline':
      return { type: intent.type, at, actor: 'system' }
  }
}

/** Counters without zero entries, so "never counted" and "counted and taken back" compare equal. */
function clean(counters: Counters | MonthlyCounters | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(counters ?? {}).filter(([, n]) => n !== 0))
}

function addTo(byOrg: Map<string, Record<string, number>>, orgIds: string[], deltas: Counters | MonthlyCounters) {
  for (const orgId of orgIds) {
    const into = byOrg.get(orgId) ?? {}
    for (const [key, n] of Object.entries(deltas)) into[key] = (into[key] ?? 0) + n
    byOrg.set(orgId, into)
  }
}

/** Two tallies agree at every key either has. */
function expectSame(kept: Map<string, Record<string, number>>, scanned: Map<string, Record<string, number>>) {
  for (const id of new Set([...kept.keys(), ...scanned.keys()])) {
    expect({ id, counters: clean(kept.get(id)) }).toEqual({ id, counters: clean(scanned.get(id)) })
  }
}

describe('statistics counters', () => {
  it('equal a full scan of the case timelines at every org, after any sequence of commands', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { minLength: 1, maxLength: 80 }), (intents) => {
        const cases: Tracked[] = []
        const counters = new Map<string, Counters>()
        const monthly = new Map<string, MonthlyCounters>()
        let at = T0

        for (const intent of intents) {
          const target = cases.length > 0 ? cases[intent.pick % cases.length] : undefined
          const due = target ? nextDue(target.state)?.at : undefined
          const wanted = intent.wait === 'due' ? (due ?? at) : addMs(at, intent.wait.minutes * 60_000)
          at = wanted > at ? wanted : at // time only moves forward
          const into = cases.length > 0 ? cases[(intent.pick + 1) % cases.length] : undefined
          const command = commandFor(intent, target, at, `case-${cases.length + 1}`, into)
          const before = command.type === 'SubmitCase' ? null : target!.state
          const decision = decide(command, before)
          if (!decision.ok) continue

          const apply = (tracked: Tracked | null, events: CaseEvent[]) => {
            const was = tracked?.state ?? null
            const after = events.reduce<CaseState | null>(evolve, was)!
            for (const write of counterWrites(events, was, after)) addTo(counters, write.orgIds, write.deltas)
            for (const { month, level, deltas } of monthlyDeltas(events, was)) {
              addTo(monthly, orgsFrom(after.chain, level).map((orgId) => `${month}:${orgId}`), deltas)
            }
            if (tracked === null) cases.push({ state: after, timeline: [...events] })
            else Object.assign(tracked, { state: after, timeline: [...tracked.timeline, ...events] })
          }
          apply(before === null ? null : target!, decision.events)
          if (command.type === 'MergeCase') {
            // The target's side, as escalation.merge decides it in the same transaction.
            const absorbed = decide({ type: 'AbsorbMergedCase', at, actor: holderOf(into!.state), fromCaseId: target!.state.id, added: 1 }, into!.state)
            apply(into!, absorbed.ok ? absorbed.events : [])
          }
        }

        expectSame(counters, countersByOrg(cases.map((c) => c.timeline)))
        expectSame(monthly, monthlyCountersByOrg(cases.map((c) => c.timeline)))

        // And what the dashboard relies on: every resolution is a case resolved or closed now, and
        // no level loses more cases upward than arrived at it.
        for (const own of counters.values()) {
          expect(resolutionsOf(own)).toBe((own['status:resolved'] ?? 0) + (own['status:closed'] ?? 0))
          for (const level of LEVELS) expect(own[`escalated:${level}`] ?? 0).toBeLessThanOrEqual(own[`arrived:${level}`] ?? 0)
        }
        // And the drill-down's (stats.cases): the cases behind a figure are exactly the ones it counts.
        // (A merged duplicate is left out: stats.cases still lists it, as 已关闭 — docs/RULES.md says so.)
        for (const [orgId, own] of counters) {
          const mine = cases.filter((c) => c.state.mergedInto === undefined && LEVELS.some((level) => c.state.chain[level] === orgId)).map((c) => c.state)
          const behind = (facet: Parameters<typeof facetHolds>[1]) => mine.filter((s) => facetHolds(s, facet)).length
          for (const status of CASE_STATUSES) expect([orgId, status, behind({ kind: 'status', status })]).toEqual([orgId, status, own[`status:${status}`] ?? 0])
          for (const category of CATEGORIES) expect(behind({ kind: 'category', category })).toBe(own[`category:${category}`] ?? 0)
          for (const level of LEVELS) expect(behind({ kind: 'resolvedAt', level })).toBe(own[`resolved:${level}`] ?? 0)
          expect(behind(null)).toBe(own.cases ?? 0)
        }
        // And the scorecard's: no rate above 1, nothing in time that was not due.
        for (const month of monthly.values()) {
          expect(month.acceptedInTime ?? 0).toBeLessThanOrEqual(month.acceptDue ?? 0)
          expect(month.resolvedOnTime ?? 0).toBeLessThanOrEqual(month.resolveDue ?? 0)
          // The trend's: every acceptance or resolution is one that fell due, or a flagged round's late one.
          expect(month.acceptedInTime ?? 0).toBeLessThanOrEqual(month.accepted ?? 0)
          expect(month.resolvedOnTime ?? 0).toBeLessThanOrEqual(month.resolved ?? 0)
          expect((month['solved:yes'] ?? 0) + (month['solved:partly'] ?? 0) + (month['solved:no'] ?? 0)).toBe(month.ratings ?? 0)
        }
      }),
      { numRuns: 300 },
    )
  })
})
