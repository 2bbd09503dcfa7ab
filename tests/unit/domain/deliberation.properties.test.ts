/**
 * Whatever the order of votes, changes and proxy ballots — including refused ones — the counts the
 * deliberation keeps equal a tally of the ballots that stand at the end, and so does its result.
 */
import fc from 'fast-check'
import { countBallots, tally } from '../../../cloudfunctions/_shared/domain'
import { CHEN, CONVENER, Council, LI, LIU, OTHER_MEMBER, VILLAGE_CADRE, YANG, ZHANG } from './deliberation.builders'

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
