/** The quorum and pass rules (docs/RULES.md "Deliberation"), as tables. */
import { countBallots, defaultQuorum, moveCounts, tally } from '../../../cloudfunctions/_shared/domain/deliberation.tally'
import { DEFAULT_DELIBERATION_POLICY } from '../../../cloudfunctions/_shared/domain/deliberation.config'

describe('default quorum: at least 2/3 of the council, rounded up', () => {
  test.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 4],
    [6, 4],
    [7, 5],
    [9, 6],
    [10, 7],
    [15, 10],
    [1000, 667],
  ])('%i members → quorum %i', (members, quorum) => {
    expect(defaultQuorum(members, DEFAULT_DELIBERATION_POLICY.quorum)).toBe(quorum)
  })
})

describe('tally', () => {
  test.each([
    // counts, ballots, quorum, passRatio, result
    ['single: a clear majority passes', [3, 1], 4, 4, 0.5, { kind: 'passed', option: 0 }],
    ['single: the quorum exactly met is enough', [3, 1], 4, 4, 0.5, { kind: 'passed', option: 0 }],
    ['single: one ballot short of the quorum', [3, 0], 3, 4, 0.5, { kind: 'no_quorum' }],
    ['no ballots at all', [0, 0], 0, 1, 0.5, { kind: 'no_quorum' }],
    ['single: exactly half is not more than half', [2, 1, 1], 4, 4, 0.5, { kind: 'no_majority' }],
    ['single: a tie', [2, 2], 4, 3, 0.5, { kind: 'no_majority' }],
    ['single: spread thin', [2, 2, 1], 5, 4, 0.5, { kind: 'no_majority' }],
    ['single: one more than half', [3, 2], 5, 4, 0.5, { kind: 'passed', option: 0 }],
    ['the winner may be any option', [1, 4, 0], 5, 4, 0.5, { kind: 'passed', option: 1 }],
    ['pass ratio 0.6: exactly 60% does not pass', [3, 2], 5, 4, 0.6, { kind: 'no_majority' }],
    ['pass ratio 0.6: 80% passes', [4, 1], 5, 4, 0.6, { kind: 'passed', option: 0 }],
    ['pass ratio 2/3: 2 of 3 is not more than 2/3', [2, 1], 3, 3, 2 / 3, { kind: 'no_majority' }],
    ['an exact threshold never passes by float rounding (0.57 × 100)', [57, 43], 100, 67, 0.57, { kind: 'no_majority' }],
    ['one vote over an odd ratio passes', [58, 42], 100, 67, 0.57, { kind: 'passed', option: 0 }],
    ['multiple: two pass, the one with most votes wins', [4, 3, 1], 5, 4, 0.5, { kind: 'passed', option: 0 }],
    ['multiple: two pass with equal votes: no majority', [4, 4, 0], 5, 4, 0.5, { kind: 'no_majority' }],
    ['multiple: share of ballots including the option, exactly half', [3, 3, 2], 6, 4, 0.5, { kind: 'no_majority' }],
    ['multiple: every ballot includes one option', [6, 1, 1], 6, 6, 0.5, { kind: 'passed', option: 0 }],
    ['a tie below the pass ratio does not matter when one passes', [4, 1, 1], 6, 4, 0.5, { kind: 'passed', option: 0 }],
  ] as const)('%s', (_name, counts, ballotCount, quorum, passRatio, expected) => {
    expect(tally({ counts, ballotCount, quorum, passRatio })).toEqual(expected)
  })
})

describe('counting', () => {
  test('countBallots counts each chosen option of each ballot', () => {
    expect(countBallots([[0], [1], [0, 2], [0, 1, 2]], 4)).toEqual([3, 2, 2, 0])
    expect(countBallots([], 2)).toEqual([0, 0])
  })

  test('moveCounts takes the replaced choices off and puts the new ones on', () => {
    expect(moveCounts([2, 1, 0], null, [2])).toEqual([2, 1, 1])
    expect(moveCounts([2, 1, 1], [0], [1, 2])).toEqual([1, 2, 2])
    expect(moveCounts([1, 2, 2], [1, 2], [1, 2])).toEqual([1, 2, 2])
  })
})
