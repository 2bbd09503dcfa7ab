/**
 * Where 转办 and 延期 meet the ladder, for any life of a case: the holders' work, escalations, hand-backs,
 * take-overs, transfers to any org of the tree (right or wrong) by anyone, extension requests of any
 * length and answers by anyone, and timer sweeps at arbitrary instants. The sweep is modelled as it runs
 * (escalation/sweep.job.ts): at its instant, the timer command dueCommandAt names, until nothing is due.
 * A transfer's chain is built as the handler builds it: from the tree, for the village it names.
 *
 * - A transferred case keeps one holder on its chain: the holder is the chain's org at the case's
 *   level, the village is the chain's, and the chain is a real path of the tree; a transfer keeps the
 *   level and the parent, and the holder moved it only within 48 hours of its arrival.
 * - An extended deadline never escalates early: a missed resolve deadline escalates (or is flagged) no
 *   sooner than the deadline of its round moved by every approved extension — and nothing resolves
 *   the case past it unnoticed: after a sweep no deadline is left missed.
 * - Extensions: one request per level for the case's life, for at most the level's own resolve days;
 *   an approval moves the deadline by exactly the days asked.
 */
import fc from 'fast-check'
import { LEVELS, type Level } from '../../../types/enums'
import {
  DAY_MS,
  DEFAULT_CASE_POLICY,
  HOUR_MS,
  addMs,
  chainFrom,
  decide,
  evolve,
  missedDeadlines,
  toMs,
  type CaseCommand,
  type CaseState,
  type Chain,
  type OrgNode,
  type Person,
} from '../../../cloudfunctions/_shared/domain'
import { T0, aPerson, aSubmitCase, cadreAt, eventsOf, holderOf } from './case.builders'
import { applyStep, commonCommand } from './case.lives'

// A province, one city, two counties; c-qixia has two townships of two villages each, c-2 one.
const NODES: OrgNode[] = [
  { id: 'p-jiangsu', level: 'province', parentId: null },
  { id: 'ci-nanjing', level: 'city', parentId: 'p-jiangsu' },
  { id: 'c-qixia', level: 'county', parentId: 'ci-nanjing' },
  { id: 'c-2', level: 'county', parentId: 'ci-nanjing' },
  { id: 't-xianlin', level: 'township', parentId: 'c-qixia' },
  { id: 't-2', level: 'township', parentId: 'c-qixia' },
  { id: 't-3', level: 'township', parentId: 'c-2' },
  { id: 'v-hemu', level: 'village', parentId: 't-xianlin' },
  { id: 'v-2', level: 'village', parentId: 't-xianlin' },
  { id: 'v-3', level: 'village', parentId: 't-2' },
  { id: 'v-4', level: 'village', parentId: 't-2' },
  { id: 'v-5', level: 'village', parentId: 't-3' },
]
const TREE = new Map(NODES.map((n) => [n.id, n]))
const VILLAGES = NODES.filter((n) => n.level === 'village').map((n) => n.id)
const ladder = (villageId: string): Chain | null => {
  const result = chainFrom(TREE, villageId)
  return result.ok ? result.chain : null
}
/** The villages under an org (itself, for a village). */
const villagesUnder = (orgId: string): string[] => VILLAGES.filter((v) => ladder(v) && Object.values(ladder(v)!).includes(orgId))

const WHO = ['holder', 'parent', 'grandparent', 'stranger'] as const
type Who = (typeof WHO)[number]

function personFor(who: Who, state: CaseState): Person {
  const up = (n: number) => LEVELS[Math.min(LEVELS.indexOf(state.level) + n, LEVELS.length - 1)]!
  switch (who) {
    case 'holder':
      return holderOf(state)
    case 'parent':
      return cadreAt(up(1), state.chain)
    case 'grandparent':
      return cadreAt(up(2), state.chain)
    case 'stranger':
      return aPerson('o-t3-cadre', { role: 'cadre', orgId: 't-3' })
  }
}

const STEP = fc.oneof(
  { arbitrary: fc.constant('accept' as const), weight: 3 },
  { arbitrary: fc.constant('resolve' as const), weight: 1 },
  { arbitrary: fc.constant('escalate' as const), weight: 2 },
  { arbitrary: fc.constant('handBack' as const), weight: 2 },
  { arbitrary: fc.constant('takeOver' as const), weight: 1 },
  { arbitrary: fc.constant('transfer' as const), weight: 5 },
  { arbitrary: fc.constant('requestExtension' as const), weight: 4 },
  { arbitrary: fc.constant('decideExtension' as const), weight: 4 },
  { arbitrary: fc.constant('rate' as const), weight: 1 },
  { arbitrary: fc.constant('sweep' as const), weight: 6 },
)

const intentArb = fc.record({
  step: STEP,
  level: fc.constantFrom(...LEVELS),
  who: fc.oneof(
    { arbitrary: fc.constant<Who>('holder'), weight: 4 },
    { arbitrary: fc.constant<Who>('parent'), weight: 4 },
    { arbitrary: fc.constantFrom<Who>('grandparent', 'stranger'), weight: 1 },
  ),
  // Any org of the tree, and any village (under it or not): right and wrong targets alike.
  target: fc.nat({ max: NODES.length - 1 }),
  village: fc.nat({ max: VILLAGES.length - 1 }),
  days: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 7 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 35 }), weight: 1 }),
  approve: fc.boolean(),
  reopen: fc.boolean(),
  // Minutes to wait first: often none, often hours, sometimes weeks.
  wait: fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 60 * 30 }), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 60 * 24 * 20 }), weight: 1 },
  ),
})
type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never

function commandFor(intent: Intent, state: CaseState, at: string): CaseCommand | null {
  const actor = personFor(intent.who, state)
  switch (intent.step) {
    case 'takeOver':
      return { type: 'TakeOverCase', at, actor: cadreAt(intent.level, state.chain), reason: '提级办理' }
    case 'transfer': {
      // Mostly an org at the case's level (a sibling or not), sometimes any org of the tree.
      const sameLevel = NODES.filter((n) => n.level === state.level)
      const target = intent.target % 5 === 0 ? NODES[intent.target]! : sameLevel[intent.target % sameLevel.length]!
      // Mostly a village under the target, as the app offers; sometimes any village.
      const under = villagesUnder(target.id)
      const village = intent.days % 4 === 0 || under.length === 0 ? VILLAGES[intent.village]! : under[intent.village % under.length]!
      return { type: 'TransferCase', at, actor, toOrgId: target.id, reason: '转错了', chain: ladder(village) }
    }
    case 'requestExtension':
      return { type: 'RequestExtension', at, actor: intent.who === 'holder' ? holderOf(state) : actor, days: intent.days, reason: '需要时间' }
    case 'decideExtension':
      // The holder never decides: her draw stands for the parent, the one who may.
      return { type: 'DecideExtension', at, actor: intent.who === 'holder' ? personFor('parent', state) : actor, approve: intent.approve }
    default:
      return commonCommand(intent.step, state, at, intent)
  }
}

interface Life {
  state: CaseState
  at: string
}

const apply = (life: Life, intent: Intent) => applyStep(life, intent.step === 'sweep', (state) => commandFor(intent, state, life.at))

const lifeArb = fc.array(intentArb, { minLength: 1, maxLength: 80 })

function start(village: string): Life {
  const chain = ladder(village)!
  const events = eventsOf(decide(aSubmitCase({ at: T0, chain, villageId: village }), null))
  return { state: events.reduce<CaseState | null>(evolve, null)!, at: T0 }
}

const parentOf = (orgId: string) => TREE.get(orgId)?.parentId

/** Applies commands that must succeed. */
function run(life: Life, ...commands: CaseCommand[]) {
  for (const command of commands) {
    life.state = eventsOf(decide(command, life.state)).reduce(evolve, life.state)
    life.at = command.at
  }
}

describe('转办 and 延期 on the ladder, for any life of a case', () => {
  it('a transferred case keeps one holder on its chain, a real path of the tree, at the same level under the same parent', () => {
    fc.assert(
      fc.property(fc.constantFrom('v-hemu', 'v-3', 'v-5'), lifeArb, (village, intents) => {
        const life = start(village)
        for (const intent of intents) {
          life.at = addMs(life.at, intent.wait * 60_000)
          for (const { before, events } of apply(life, intent)) {
            for (const event of events) {
              if (event.type !== 'CaseTransferred') continue
              expect(event.level).toBe(before.level)
              expect(event.toOrgId).not.toBe(before.holderOrgId)
              expect(parentOf(event.toOrgId)).toBe(parentOf(before.holderOrgId))
              expect(TREE.get(event.toOrgId)?.level).toBe(before.level)
              // The holder moved it itself only in its first 48 hours there.
              if (event.byOrgId === before.holderOrgId) expect(toMs(event.at) - toMs(before.arrivedAt)).toBeLessThan(48 * HOUR_MS)
              else expect(event.byOrgId).toBe(parentOf(before.holderOrgId))
            }
          }
          const { state } = life
          expect(state.holderOrgId).toBe(state.chain[state.level])
          expect(state.villageId).toBe(state.chain.village)
          expect(ladder(state.villageId)).toEqual(state.chain)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('an extended deadline never escalates early; one request per level, an approval moves the deadline by its days', () => {
    fc.assert(
      fc.property(lifeArb, (intents) => {
        const life = start('v-hemu')
        // The resolve deadline of the round, as the rules promise it: fresh at each arrival, moved by
        // each approved extension; tracked from the events alone.
        let promised = life.state.resolveBy
        const askedAt = new Set<Level>()
        for (const intent of intents) {
          life.at = addMs(life.at, intent.wait * 60_000)
          for (const { before, events } of apply(life, intent)) {
            for (const event of events) {
              switch (event.type) {
                case 'CaseEscalated':
                  if (event.missed === 'resolve') expect(toMs(event.at)).toBeGreaterThanOrEqual(toMs(promised))
                  promised = event.resolveBy
                  break
                case 'CaseFlaggedOverdue':
                  if (event.missed === 'resolve') expect(toMs(event.at)).toBeGreaterThanOrEqual(toMs(promised))
                  break
                case 'CaseHandedBack':
                case 'CaseReopened':
                case 'CaseTakenOver':
                case 'CaseTransferred':
                  promised = event.resolveBy
                  break
                case 'ExtensionRequested':
                  expect(askedAt.has(event.level)).toBe(false)
                  askedAt.add(event.level)
                  expect(event.days).toBeGreaterThanOrEqual(1)
                  expect(event.days).toBeLessThanOrEqual(DEFAULT_CASE_POLICY.resolveWithinDays[event.level])
                  expect(toMs(event.at)).toBeLessThan(toMs(before.resolveBy))
                  break
                case 'ExtensionDecided':
                  expect(event.resolveBy).toBe(event.approve ? addMs(before.resolveBy, event.days * DAY_MS) : before.resolveBy)
                  if (event.approve) {
                    promised = addMs(promised, event.days * DAY_MS)
                    expect(toMs(event.at)).toBeLessThan(toMs(before.resolveBy))
                  }
                  break
                default:
                  break
              }
            }
          }
          if (life.state.status === 'pending' || life.state.status === 'in_progress') expect(life.state.resolveBy).toBe(promised)
          if (intent.step === 'sweep') expect(missedDeadlines(life.state, life.at)).toEqual([])
        }
      }),
      { numRuns: 400 },
    )
  })

  it('after an approved extension, sweeps at any instants never escalate before the new deadline, and do at it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Level>('village', 'township', 'county', 'city'),
        fc.integer({ min: 1, max: 30 }),
        // When she asks and when it is approved, as fractions of the time left; then sweeps, in hours from the approval.
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 24 * 65 }), { minLength: 1, maxLength: 30 }),
        (level, wanted, askAt, approveAt, sweeps) => {
          const life = start('v-hemu')
          while (life.state.level !== level) {
            run(life, { type: 'EscalateCase', at: addMs(life.at, HOUR_MS), actor: holderOf(life.state), reason: '需上级协调' })
          }
          run(life, { type: 'AcceptCase', at: addMs(life.at, HOUR_MS), actor: holderOf(life.state) })
          const days = Math.min(wanted, DEFAULT_CASE_POLICY.resolveWithinDays[level])
          const within = (from: string, fraction: number) => addMs(from, Math.floor((toMs(life.state.resolveBy) - toMs(from)) * fraction))
          run(life, { type: 'RequestExtension', at: within(life.at, askAt), actor: holderOf(life.state), days, reason: '需要时间' })
          const old = life.state.resolveBy
          run(life, { type: 'DecideExtension', at: within(life.at, approveAt), actor: personFor('parent', life.state), approve: true })
          const extended = life.state.resolveBy
          expect(extended).toBe(addMs(old, days * DAY_MS))

          const approvedAt = life.at
          let escalations = 0
          for (const hours of [...sweeps].sort((a, b) => a - b)) {
            life.at = addMs(approvedAt, hours * HOUR_MS)
            for (const { events } of apply(life, { step: 'sweep' } as Intent)) {
              for (const event of events) {
                if (event.type !== 'CaseEscalated' || event.fromLevel !== level) continue
                escalations++
                expect(event.missed).toBe('resolve')
                expect(toMs(event.at)).toBeGreaterThanOrEqual(toMs(extended))
              }
            }
            if (toMs(life.at) < toMs(extended)) expect(life.state.level).toBe(level)
            // Once it has left the level, what happens above is another deadline's story.
            if (life.state.level !== level) break
          }
          // The first sweep at or past the new deadline moved it up, once.
          const last = addMs(approvedAt, Math.max(...sweeps) * HOUR_MS)
          expect(escalations).toBe(toMs(last) >= toMs(extended) ? 1 : 0)
        },
      ),
      { numRuns: 300 },
    )
  })
})
