/**
 * The product defaults of a deliberation (docs/RULES.md "Deliberation"), in one place. The decider
 * takes a policy as an argument; what a deliberation was opened with (quorum, pass ratio, reminder
 * time) is fixed on it at open, so a later change of policy never moves a running vote's goalposts.
 */
export interface DeliberationPolicy {
  minOptions: number
  maxOptions: number
  /** Members need time to read and talk: a deadline closer than this is refused. */
  minOpenHours: number
  maxOpenDays: number
  /** Default quorum: at least this fraction of the electorate must vote (an exact fraction, no floats). */
  quorum: { numerator: number; denominator: number }
  /** Default pass rule: an option needs a share of ballots strictly greater than this. */
  passRatio: number
  minPassRatio: number
  maxPassRatio: number
  /** Default: the one reminder goes this many hours before the deadline. */
  remindHoursBefore: number
  /** Earlier casts a ballot keeps for the audit trail; older ones are dropped (changes are still counted). */
  maxBallotHistory: number
}

export const DEFAULT_DELIBERATION_POLICY: DeliberationPolicy = Object.freeze({
  minOptions: 2,
  maxOptions: 10,
  minOpenHours: 1,
  maxOpenDays: 30,
  quorum: Object.freeze({ numerator: 2, denominator: 3 }),
  passRatio: 0.5,
  minPassRatio: 0.5,
  maxPassRatio: 0.99,
  remindHoursBefore: 24,
  maxBallotHistory: 20,
})
