/**
 * Counting and deciding a deliberation, as pure functions. The stored deliberation keeps `counts`
 * and `ballotCount` current with every ballot (moveCounts), so closing it reads the counts and never
 * rescans ballots; countBallots is the definition those running counts must always equal.
 */
import type { DeliberationResult } from './deliberation.state'

/** Votes per option from a set of ballots (each ballot: its chosen option indexes). */
export function countBallots(ballots: readonly (readonly number[])[], optionCount: number): number[] {
  const counts = Array.from({ length: optionCount }, () => 0)
  for (const choices of ballots) for (const option of choices) counts[option] = (counts[option] ?? 0) + 1
  return counts
}

/** The counts after a ballot replaces `from` (null: her first ballot) with `to`. */
export function moveCounts(counts: readonly number[], from: readonly number[] | null, to: readonly number[]): number[] {
  const next = [...counts]
  for (const option of from ?? []) next[option] = (next[option] ?? 0) - 1
  for (const option of to) next[option] = (next[option] ?? 0) + 1
  return next
}

/** The default quorum for an electorate: ⌈numerator/denominator × members⌉, at least 1. */
export function defaultQuorum(members: number, fraction: { numerator: number; denominator: number }): number {
  return Math.max(1, Math.ceil((members * fraction.numerator) / fraction.denominator))
}

export interface TallyInput {
  counts: readonly number[]
  ballotCount: number
  quorum: number
  passRatio: number
}

/**
 * The result: no_quorum below the quorum; otherwise the options whose share of ballots is strictly
 * greater than passRatio pass (with multiple choice, an option's share is the share of ballots that
 * include it, so several may pass); the one with most votes wins, and a tie at the top is no_majority.
 */
export function tally({ counts, ballotCount, quorum, passRatio }: TallyInput): DeliberationResult {
  if (ballotCount < quorum || ballotCount === 0) return { kind: 'no_quorum' }
  // votes / ballots > ratio in whole numbers: the ratio in millionths, multiplied out, so an exact
  // threshold never passes by a float's rounding (0.57 × 100 is 56.99999999999999 in floats).
  const millionths = Math.round(passRatio * 1_000_000)
  const passing = counts.flatMap((votes, option) =>
    votes * 1_000_000 > millionths * ballotCount ? [{ option, votes }] : [],
  )
  if (passing.length === 0) return { kind: 'no_majority' }
  const top = Math.max(...passing.map((p) => p.votes))
  const winners = passing.filter((p) => p.votes === top)
  return winners.length === 1 && winners[0] ? { kind: 'passed', option: winners[0].option } : { kind: 'no_majority' }
}
