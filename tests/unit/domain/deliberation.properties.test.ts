/**
 * Whatever the order of votes, changes and proxy ballots — including refused ones — the counts the
 * deliberation keeps equal a tally of the ballots that stand at the end, and so does its result.
 * And from anyone, with whatever roles, a command is accepted only when the authorization table
 * allows her that action on the council (to vote, she must also be on the roll), and an allowed one
 * is never FORBIDDEN.
 */
import fc from 'fast-check'
import { LEVELS } from '../../../types/enums'
import {
  allowedBindings,
  allowedPersonally,
  countBallots,
  tally,
  type AuthAction,
  type Chain,
  type DeliberationCommand,
  type Person,
} from '../../../cloudfunctions/_shared/domain'
import { decide, type DeliberationDecision } from '../../../cloudfunctions/_shared/domain/deliberation.decider'
import { aPerson } from './case.builders'
import {
  CHAIN,
  CHEN,
  CONVENER,
  Council,
  ELECTORATE,
  LI,
  LIU,
  OTHER_MEMBER,
  VILLAGE,
  VILLAGE_CADRE,
  YANG,
  ZHANG,
  anOpen,
} from './deliberation.builders'

const VOTERS = [CONVENER, LI, ZHANG, LIU, CHEN, YANG]
const NOT_VOTERS = [OTHER_MEMBER, VILLAGE_CADRE]
const OPTIONS = ['甲', '乙', '丙', '丁']

const choicesArb = fc.uniqueArray(fc.integer({ min: -1, max: OPTIONS.length }), { minLength: 0, maxLength: 4 })
const stepArb = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('vote' as const), who: fc.nat(VOTERS.length + NOT_VOTERS.length - 1), choices: choicesArb }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('proxy' as const), who: fc.nat(VOTERS.length - 1), choices: choicesArb }), weight: 3 },
)

test('stored counts equal a tally of the final ballots, whatever the order', () => {
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.boolean(),
      fc.array(stepArb, { maxLength: 60 }),
      (multiple, anonymous, steps) => {
        const council = new Council({ options: OPTIONS, multiple, anonymous })
        for (const step of steps) {
          if (step.kind === 'vote') {
            const who = [...VOTERS, ...NOT_VOTERS][step.who]!
            council.vote(who, step.choices)
          } else {
            council.proxy(VOTERS[step.who]!.openid, step.choices)
          }
          // The invariant holds after every step, not only at the end.
          const ballots = [...council.ballots.values()]
          expect(council.state.counts).toEqual(countBallots(ballots.map((b) => b.choices), OPTIONS.length))
          expect(council.state.ballotCount).toBe(ballots.length)
        }
        // Only electors hold ballots, one each.
        expect([...council.ballots.keys()].every((openid) => VOTERS.some((v) => v.openid === openid))).toBe(true)

        const final = [...council.ballots.values()].map((b) => b.choices)
        council.close()
        expect(council.state.result).toEqual(
          tally({ counts: countBallots(final, OPTIONS.length), ballotCount: final.length, quorum: council.state.quorum, passRatio: 0.5 }),
        )
      },
    ),
    { numRuns: 300 },
  )
})

test('the same final ballots reached in any order give the same counts', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ who: fc.nat(VOTERS.length - 1), choice: fc.nat(OPTIONS.length - 1) }), { minLength: 1, maxLength: 30 }),
      (casts) => {
        const inOrder = new Council({ options: OPTIONS })
        for (const cast of casts) inOrder.vote(VOTERS[cast.who]!, [cast.choice])
        // Replay only each voter's last cast, in reverse: the standing ballots are the same.
        const last = new Map(casts.map((c) => [c.who, c.choice]))
        const reversed = new Council({ options: OPTIONS })
        for (const [who, choice] of [...last.entries()].reverse()) reversed.vote(VOTERS[who]!, [choice])
        expect(inOrder.state.counts).toEqual(reversed.state.counts)
        expect(inOrder.state.ballotCount).toBe(reversed.state.ballotCount)
      },
    ),
    { numRuns: 200 },
  )
})

// ── who, by the table alone ─────────────────────────────────────────────────────────────────────
// Each command a person issues asks one row of authorization.table.ts, measured against the
// council's village on its own ladder. The mapping and the placing are written here by hand, not
// taken from deliberation.access.ts, which the decider uses.

const ROW_OF_COMMAND = {
  OpenDeliberation: 'deliberation.open',
  CastBallot: 'deliberation.vote',
  CastProxyBallot: 'deliberation.proxyVote',
  PostComment: 'deliberation.comment',
  CloseDeliberation: 'deliberation.manage',
  RemindVoters: 'system',
  NoteCaseResult: 'system',
  RefreshCouncilName: 'system',
  IssueShareCard: 'deliberation.share',
  NudgeVoters: 'deliberation.manage',
} as const satisfies Record<DeliberationCommand['type'], AuthAction | 'system'>
type AskedByPeople = Exclude<keyof typeof ROW_OF_COMMAND, 'NoteCaseResult' | 'RefreshCouncilName'>

/** Two of them were on the council's roll when it opened; the third was not. */
const ON_THE_ROLL = ['o-anna', 'o-bea']
const ROLL = [...ELECTORATE, ...ON_THE_ROLL.map((openid) => ({ openid, name: `name-${openid}` }))]

const bindingArb = fc.record({
  role: fc.constantFrom('member' as const, 'convener' as const, 'cadre' as const, 'admin' as const),
  // Mostly the council's own village, where the rows allow; the ladder above it; now and then elsewhere.
  orgId: fc.oneof(
    { arbitrary: fc.constant(VILLAGE), weight: 4 },
    { arbitrary: fc.constantFrom(...Object.values(CHAIN)), weight: 2 },
    { arbitrary: fc.constantFrom('v-other', 't-other', 'p-other'), weight: 1 },
  ),
})
const personArb = fc
  .record({ openid: fc.constantFrom(...ON_THE_ROLL, 'o-cui'), roles: fc.array(bindingArb, { maxLength: 3 }) })
  .map(({ openid, roles }) => aPerson(openid, ...roles))

const commandArb = fc.record({
  type: fc.oneof(
    { arbitrary: fc.constantFrom<AskedByPeople>('CastBallot', 'CastProxyBallot', 'PostComment', 'OpenDeliberation', 'RemindVoters', 'IssueShareCard', 'NudgeVoters'), weight: 6 },
    { arbitrary: fc.constant<AskedByPeople>('CloseDeliberation'), weight: 1 },
  ),
  person: personArb,
  choice: fc.nat(2),
  member: fc.constantFrom(...ROLL.map((e) => e.openid), 'o-cui'),
  // Mostly minutes; sometimes a day, so the deadline (3 days on) passes in some runs.
  wait: fc.oneof({ arbitrary: fc.nat(120), weight: 5 }, { arbitrary: fc.constant(24 * 60), weight: 1 }),
})

function onLadder(chain: Chain, orgId: string): string[] {
  const at = LEVELS.findIndex((level) => chain[level] === orgId)
  return at < 0 ? [orgId] : LEVELS.slice(at).map((level) => chain[level])
}

function tableAllows(person: Person, type: AskedByPeople, orgId: string, chain: Chain): boolean {
  const row = ROW_OF_COMMAND[type]
  if (row === 'system') return false
  return allowedPersonally('resident', row) || allowedBindings(person, row, onLadder(chain, orgId), (id) => onLadder(chain, id)).length > 0
}

/** Accepted only if the table allows it (and, to vote, she is on the roll); allowed, never FORBIDDEN. */
function expectWhoAsTheTableSays(person: Person, type: AskedByPeople, decision: DeliberationDecision, orgId: string, chain: Chain) {
  const onRoll = ROLL.some((e) => e.openid === person.openid)
  const allowed = tableAllows(person, type, orgId, chain) && (type !== 'CastBallot' || onRoll)
  const cell = { command: type, openid: person.openid, roles: person.roles }
  if (decision.ok) expect({ ...cell, allowed }).toEqual({ ...cell, allowed: true })
  else expect({ ...cell, forbidden: decision.error.code === 'FORBIDDEN' }).toEqual({ ...cell, forbidden: !allowed })
}

test('a person’s command is accepted only when the authorization table allows her that action on that council', () => {
  fc.assert(
    fc.property(personArb, fc.array(commandArb, { minLength: 10, maxLength: 60 }), (opener, steps) => {
      // Opening: the only command with no deliberation yet.
      expectWhoAsTheTableSays(opener, 'OpenDeliberation', decide(anOpen({ actor: opener, electorate: ROLL }), null), VILLAGE, CHAIN)

      const council = new Council({ electorate: ROLL })
      steps.forEach((step, i) => {
        council.tick(step.wait)
        const { person } = step
        const decision = council.try(({ at }, c): DeliberationCommand => {
          switch (step.type) {
            case 'OpenDeliberation':
              return anOpen({ at, actor: person, electorate: ROLL })
            case 'CastBallot':
              return { type: 'CastBallot', at, actor: person, choices: [step.choice], current: c.ballots.get(person.openid) ?? null }
            case 'CastProxyBallot':
              return {
                type: 'CastProxyBallot',
                at,
                actor: person,
                memberOpenid: step.member,
                choices: [step.choice],
                note: '电话确认',
                actorName: '某某',
                current: c.ballots.get(step.member) ?? null,
              }
            case 'PostComment':
              return { type: 'PostComment', at, actor: person, commentId: `cmt-${i}`, text: '我同意', actorName: '某某' }
            case 'CloseDeliberation':
            case 'RemindVoters':
              return { type: step.type, at, actor: person }
            case 'IssueShareCard':
              return { type: 'IssueShareCard', at, actor: person, activityId: `act-${i}`, expiresAt: new Date(Date.parse(at) + 86_400_000).toISOString() }
            case 'NudgeVoters':
              return { type: 'NudgeVoters', at, actor: person, owed: 1 }
          }
        })
        expectWhoAsTheTableSays(person, step.type, decision, council.state.orgId, council.state.chain)
      })
    }),
    { numRuns: 300 },
  )
})

