/**
 * Where supervision meets the ladder, for any life of a case: the holders' work, escalations, hand-backs,
 * 催办 and 提级办理 from any level, and timer sweeps at arbitrary instants (early, late, many at the same
 * instant). The sweep is modelled as it runs (escalation/sweep.job.ts): at its instant, the timer command
 * dueCommandAt names, until nothing is due.
 *
 * - A taken-over case never goes below the level that took it over without a hand-back.
 * - A 临期提醒 goes at most once per deadline, never at or after the deadline nor before its time; and
 *   whatever the sweeps' timing, after a sweep no reminder that has come due is still unsent.
 */
import fc from 'fast-check'
import { LEVELS } from '../../../types/enums'
import {
  addMs,
  decide,
  evolve,
  levelIndex,
  missedDeadlines,
  reminderAt,
  remindersDue,
  toMs,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type DeadlineReminded,
} from '../../../cloudfunctions/_shared/domain'
import { T0, aSubmitCase, cadreAt, eventsOf } from './case.builders'
import { applyStep, commonCommand } from './case.lives'

const STEP = fc.oneof(
  { arbitrary: fc.constant('accept' as const), weight: 3 },
  { arbitrary: fc.constant('resolve' as const), weight: 2 },
  { arbitrary: fc.constant('escalate' as const), weight: 2 },
  { arbitrary: fc.constant('handBack' as const), weight: 2 },
  { arbitrary: fc.constant('urge' as const), weight: 3 },
  { arbitrary: fc.constant('takeOver' as const), weight: 3 },
  { arbitrary: fc.constant('rate' as const), weight: 1 },
  { arbitrary: fc.constant('sweep' as const), weight: 8 },
)

const intentArb = fc.record({
  step: STEP,
  level: fc.constantFrom(...LEVELS),
  // Minutes to wait first: often none (several sweeps at one instant), often hours, sometimes weeks.
  wait: fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 60 * 30 }), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 60 * 24 * 40 }), weight: 1 },
  ),
  reopen: fc.boolean(),
})
type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never

function commandFor(intent: Intent, state: CaseState, at: string): CaseCommand | null {
  const supervisor = { at, actor: cadreAt(intent.level) }
  switch (intent.step) {
    case 'urge':
      return { type: 'UrgeCase', ...supervisor, note: '请抓紧' }
    case 'takeOver':
      return { type: 'TakeOverCase', ...supervisor, reason: '提级办理' }
    default:
      return commonCommand(intent.step, state, at, intent)
  }
}

interface Life {
  state: CaseState
  events: CaseEvent[]
  at: string
}

/** Applies the command if the decider accepts it; a sweep goes on until nothing is due at its instant. */
function apply(life: Life, intent: Intent): CaseEvent[] {
  const added = applyStep(life, intent.step === 'sweep', (state) => commandFor(intent, state, life.at)).flatMap((a) => a.events)
  life.events.push(...added)
  return added
}

const lifeArb = fc.array(intentArb, { minLength: 1, maxLength: 80 })

function start(): Life {
  const events = eventsOf(decide(aSubmitCase({ at: T0 }), null))
  return { state: events.reduce<CaseState | null>(evolve, null)!, events: [...events], at: T0 }
}

describe('supervision on the ladder, for any life of a case', () => {
  it('a taken-over case never goes down without a hand-back', () => {
    fc.assert(
      fc.property(lifeArb, (intents) => {
        const life = start()
        // The lowest level the case may be at: set by a take-over, lifted by a hand-back.
        let floor: number | null = null
        for (const intent of intents) {
          life.at = addMs(life.at, intent.wait * 60_000)
          for (const event of apply(life, intent)) {
            if (event.type === 'CaseTakenOver') {
              expect(levelIndex(event.toLevel)).toBeGreaterThan(levelIndex(event.fromLevel))
              floor = levelIndex(event.toLevel)
            }
            if (event.type === 'CaseHandedBack') floor = null
          }
          if (floor !== null && life.state.status !== 'closed' && life.state.status !== 'withdrawn') {
            expect(levelIndex(life.state.level)).toBeGreaterThanOrEqual(floor)
          }
          expect(life.state.holderOrgId).toBe(life.state.chain[life.state.level])
        }
      }),
      { numRuns: 400 },
    )
  })

  it('a reminder goes once per deadline, in its window, and none that came due is left unsent after a sweep', () => {
    fc.assert(
      fc.property(lifeArb, (intents) => {
        const life = start()
        const sent = new Map<string, DeadlineReminded>()
        for (const intent of intents) {
          life.at = addMs(life.at, intent.wait * 60_000)
          const before = life.state
          for (const event of apply(life, intent)) {
            if (event.type !== 'DeadlineReminded') continue
            const key = `${event.deadline}@${event.due}`
            // Once per deadline, whatever ran before.
            expect(sent.has(key)).toBe(false)
            sent.set(key, event)
            // In its window: not before its time, strictly before the deadline.
            expect(toMs(event.at)).toBeLessThan(toMs(event.due))
            expect(toMs(event.at)).toBeGreaterThanOrEqual(toMs(reminderAt(event.due, before.arrivedAt)))
            // About a deadline the case really had then.
            expect(event.due).toBe(event.deadline === 'accept' ? before.acceptBy : before.resolveBy)
          }
          if (intent.step === 'sweep') {
            // Nothing due is left at the sweep's instant: neither a deadline nor a reminder.
            expect(missedDeadlines(life.state, life.at)).toEqual([])
            expect(remindersDue(life.state, life.at)).toEqual([])
          }
        }
      }),
      { numRuns: 400 },
    )
  })
})
