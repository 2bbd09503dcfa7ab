/**
 * Any sequence of commands, from anyone, at any time, keeps the invariants of a case. Intents are
 * generated blind and turned into commands against the current state, so most are plausible and
 * many are still wrong (wrong person, wrong state, bad arguments, too early).
 */
import fc from 'fast-check'
import { CATEGORIES, LEVELS, OUTCOMES, RATINGS } from '../../../types/enums'
import { ERROR_CODES } from '../../../types/envelope'
import {
  addMs,
  decide,
  evolve,
  fold,
  isTerminal,
  levelIndex,
  nextDue,
  redactCase,
  visibilityOf,
  type Actor,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from '../../../cloudfunctions/_shared/domain'
import {
  REPORTER,
  STRANGER,
  T0,
  aSubmitCase,
  cadreAt,
  deepFreeze,
  eventsOf,
  holderOf,
  memberOf,
  provinceAdmin,
} from './case.builders'

// Weighted so that long lives are common: withdrawing ends a run early, so it is rare.
const COMMAND_WEIGHTS = {
  AcceptCase: 6,
  ResolveCase: 6,
  EscalateCase: 4,
  HandBackCase: 3,
  AssignDepartment: 2,
  RecordDepartmentReply: 2,
  RateCase: 6,
  WithdrawCase: 1,
  AutoCloseCase: 3,
  MissDeadline: 5,
  SubmitCase: 1,
} as const
type CommandType = keyof typeof COMMAND_WEIGHTS
const commandTypeArb = fc.oneof(
  ...(Object.entries(COMMAND_WEIGHTS) as [CommandType, number][]).map(([type, weight]) => ({
    arbitrary: fc.constant(type),
    weight,
  })),
)

// 'rightful' is whoever the command is meant for; the others probe the access rules.
const WHO = ['rightful', 'holder', 'reporter', 'system', 'supervisor', 'member', 'admin', 'stranger'] as const
const whoArb = fc.oneof({ arbitrary: fc.constant('rightful' as const), weight: 12 }, { arbitrary: fc.constantFrom(...WHO), weight: 4 })

const intentArb = fc.record({
  type: commandTypeArb,
  who: whoArb,
  // Mostly small steps; sometimes days or weeks, so deadlines pass; sometimes exactly the due time.
  wait: fc.oneof(
    fc.integer({ min: 0, max: 180 }).map((minutes) => ({ minutes })),
    fc.integer({ min: 0, max: 60 * 24 * 40 }).map((minutes) => ({ minutes })),
    fc.constant('due' as const),
  ),
  level: fc.constantFrom(...LEVELS),
  rating: fc.constantFrom(...RATINGS),
  outcome: fc.constantFrom(...OUTCOMES),
  text: fc.oneof({ arbitrary: fc.constant('需要协调处理'), weight: 8 }, { arbitrary: fc.constantFrom('', '  '), weight: 1 }),
})
type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never

const startArb = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  anonymous: fc.boolean(),
  /** Hand escalations before the intents run, so the upper levels get as much exercise. */
  climb: fc.integer({ min: 0, max: 4 }),
})

/** A submitted case, escalated `climb` times by hand, one hour apart. */
type Start = typeof startArb extends fc.Arbitrary<infer S> ? S : never
function start({ category, anonymous, climb }: Start) {
  let at = T0
  const all: CaseEvent[] = [...eventsOf(decide(aSubmitCase({ category, anonymous, at }), null))]
  let state = fold(all)!
  for (let i = 0; i < climb; i++) {
    at = addMs(at, 3_600_000)
    const events = eventsOf(decide({ type: 'EscalateCase', at, actor: holderOf(state), reason: '需上级协调' }, state))
    all.push(...events)
    state = events.reduce(evolve, state)
  }
  return { all, state, at }
}

function actorFor(who: Intent['who'], type: CommandType, state: CaseState): Actor {
  switch (who) {
    case 'rightful':
      if (type === 'RateCase' || type === 'WithdrawCase' || type === 'SubmitCase') return REPORTER
      if (type === 'AutoCloseCase' || type === 'MissDeadline') return 'system'
      return holderOf(state)
    case 'holder':
      return holderOf(state)
    case 'reporter':
      return REPORTER
    case 'system':
      return 'system'
    case 'supervisor':
      return cadreAt(state.level === 'province' ? 'province' : LEVELS[levelIndex(state.level) + 1]!)
    case 'member':
      return memberOf()
    case 'admin':
      return provinceAdmin()
    case 'stranger':
      return STRANGER
  }
}

function commandFor(intent: Intent, state: CaseState, previousAt: string): CaseCommand {
  const due = nextDue(state)
  const at = intent.wait === 'due' ? (due?.at ?? previousAt) : addMs(previousAt, intent.wait.minutes * 60_000)
  const actor = actorFor(intent.who, intent.type, state)
  const base = { at, actor }
  switch (intent.type) {
    case 'AcceptCase':
    case 'WithdrawCase':
    case 'AutoCloseCase':
    case 'MissDeadline':
      return { type: intent.type, ...base }
    case 'ResolveCase':
      return { type: intent.type, ...base, outcome: intent.outcome, resolution: intent.text }
    case 'EscalateCase':
      return { type: intent.type, ...base, reason: intent.text }
    case 'HandBackCase':
      return { type: intent.type, ...base, toOrgId: state.chain[intent.level], instructions: intent.text }
    case 'AssignDepartment':
      return { type: intent.type, ...base, department: intent.text, note: '', followUpBy: addMs(at, 86_400_000) }
    case 'RecordDepartmentReply':
      return { type: intent.type, ...base, reply: intent.text }
    case 'RateCase':
      return { type: intent.type, ...base, rating: intent.rating }
    case 'SubmitCase':
      return aSubmitCase({ at, actor })
  }
}

const DEADLINE_FIELDS = ['acceptBy', 'resolveBy', 'autoCloseBy', 'followUpBy'] as const

function deadlinesOf(event: CaseEvent): string[] {
  return DEADLINE_FIELDS.flatMap((field) => {
    const value = (event as unknown as Record<string, unknown>)[field]
    return typeof value === 'string' ? [value] : []
  })
}

const sequenceArb = fc.tuple(startArb, fc.array(intentArb, { minLength: 1, maxLength: 60 }))

describe('any sequence of commands', () => {
  it('keeps every invariant of a case', () => {
    fc.assert(
      fc.property(sequenceArb, ([startWith, intents]) => {
        const started = start(startWith)
        const all = started.all
        let state = deepFreeze(started.state)
        let at = started.at

        for (const intent of intents) {
          const command = commandFor(intent, state, at)
          const before = structuredClone(state)
          const decision = decide(command, state)

          if (!decision.ok) {
            // Failed commands change nothing and say why in a known code.
            expect(ERROR_CODES).toContain(decision.error.code)
            expect(decision.error.message.length).toBeGreaterThan(0)
            expect(state).toEqual(before)
            if (command.type !== 'SubmitCase' && command.actor !== 'system' && command.actor.openid === STRANGER.openid) {
              expect(decision.error.code).toBe('FORBIDDEN')
            }
            continue
          }

          // Terminal states stay terminal: nothing is accepted once closed or withdrawn.
          expect(isTerminal(before.status)).toBe(false)
          expect(decision.events.length).toBeGreaterThan(0)

          const next = decision.events.reduce(evolve, state)
          for (const event of decision.events) {
            expect(event.at).toBe(command.at)
            // Every deadline lies after the event that set it.
            for (const deadline of deadlinesOf(event)) expect(Date.parse(deadline)).toBeGreaterThan(Date.parse(event.at))
          }

          // The level only rises, except by a hand-back; it cannot pass the province (LEVELS ends there).
          const handedBack = decision.events.some((e) => e.type === 'CaseHandedBack')
          if (!handedBack) expect(levelIndex(next.level)).toBeGreaterThanOrEqual(levelIndex(before.level))
          expect(LEVELS).toContain(next.level)
          // The holder is always the chain's org at the case's level.
          expect(next.holderOrgId).toBe(next.chain[next.level])

          // Each accepted command adds exactly its events: replaying the log gives the same state.
          all.push(...decision.events)
          expect(fold(all)).toEqual(next)

          state = deepFreeze(next)
          at = command.at
        }
      }),
      { numRuns: 500 },
    )
  })

  it('leaves nextDue exact: the timer succeeds at the due time and not a millisecond before', () => {
    fc.assert(
      fc.property(sequenceArb, ([startWith, intents]) => {
        let { state, at } = start(startWith)
        for (const intent of intents) {
          const command = commandFor(intent, state, at)
          const decision = decide(command, state)
          if (decision.ok) {
            state = decision.events.reduce(evolve, state)
            at = command.at
          }
          const due = nextDue(state)
          if (isTerminal(state.status)) {
            expect(due).toBeNull()
            continue
          }
          if (due === null) continue
          expect(decide({ type: due.command, at: due.at, actor: 'system' }, state).ok).toBe(true)
          const early = decide({ type: due.command, at: addMs(due.at, -1), actor: 'system' }, state)
          expect(early.ok).toBe(false)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('never shows the reporter openid to anyone else, nor a redacted case its text', () => {
    const viewers = [REPORTER, STRANGER, memberOf(), provinceAdmin(), ...LEVELS.map((level) => cadreAt(level))]
    fc.assert(
      fc.property(sequenceArb, ([startWith, intents]) => {
        let { state, at } = start(startWith)
        for (const intent of intents) {
          const command = commandFor(intent, state, at)
          const decision = decide(command, state)
          if (!decision.ok) continue
          state = decision.events.reduce(evolve, state)
          at = command.at
        }
        for (const viewer of viewers) {
          const visibility = visibilityOf(viewer, state)
          const text = JSON.stringify(redactCase(state, visibility, viewer.openid))
          if (viewer !== REPORTER || state.reporter.anonymous) expect(text).not.toContain(REPORTER.openid)
          if (visibility === 'redacted') expect(text).not.toContain(state.content)
        }
      }),
    )
  })
})
