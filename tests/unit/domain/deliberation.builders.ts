/**
 * Builders for deliberation specs: a council (a convener who is also a member, five members, a cadre),
 * commands with overrides, and a small in-memory council that runs commands through the real decider
 * and keeps ballots as the store would (one per voter, replaced on change).
 */
import {
  ballotAfter,
  decide,
  evolve,
  type DeliberationDecision,
} from '../../../cloudfunctions/_shared/domain/deliberation.decider'
import {
  type Ballot,
  type DeliberationCommand,
  type DeliberationEvent,
  type DeliberationState,
  type Elector,
  type OpenDeliberation,
  type Person,
  type DomainError,
} from '../../../cloudfunctions/_shared/domain'
import { T0, aChain, aPerson, hoursAfter, daysAfter } from './case.builders'

export { T0, hoursAfter, daysAfter }

/** Thursday 2025-03-06, 09:00 in Shanghai: three days after T0, when anOpen's vote closes. */
export const CLOSES_AT = '2025-03-06T01:00:00.000Z'

export const CHAIN = aChain()
export const VILLAGE = CHAIN.village

export const CONVENER = aPerson('o-convener', { role: 'convener', orgId: VILLAGE }, { role: 'member', orgId: VILLAGE })
export const MEMBERS = ['o-li', 'o-zhang', 'o-liu', 'o-chen', 'o-yang'].map((openid) =>
  aPerson(openid, { role: 'member', orgId: VILLAGE }),
)
export const [LI, ZHANG, LIU, CHEN, YANG] = MEMBERS as [Person, Person, Person, Person, Person]
export const VILLAGE_CADRE = aPerson('o-cadre-village', { role: 'cadre', orgId: VILLAGE })
export const TOWNSHIP_CADRE = aPerson('o-cadre-township', { role: 'cadre', orgId: CHAIN.township })
export const OTHER_MEMBER = aPerson('o-other', { role: 'member', orgId: 'v-other' })
export const RESIDENT = aPerson('o-resident')

/** The six who vote: the convener and five members. */
export const ELECTORATE: Elector[] = [CONVENER, ...MEMBERS].map((p) => ({ openid: p.openid, name: `name-${p.openid}` }))

export function anOpen(overrides: Partial<OpenDeliberation> = {}): OpenDeliberation {
  return {
    type: 'OpenDeliberation',
    at: T0,
    actor: CONVENER,
    deliberationId: 'dlb-1',
    orgId: VILLAGE,
    chain: CHAIN,
    orgName: '蒲河村',
    title: '村口路灯由谁出资维修',
    background: '村口到小学的路灯坏了三个月，供电所说线路归村里。',
    options: ['村集体出资', '申请镇里专项资金', '暂缓'],
    multiple: false,
    anonymous: false,
    closesAt: CLOSES_AT,
    electorate: ELECTORATE,
    ...overrides,
  }
}

export function eventsOf(decision: DeliberationDecision): DeliberationEvent[] {
  if (!decision.ok) throw new Error(`expected events, got ${decision.error.code}: ${decision.error.message}`)
  return decision.events
}

export function errorOf(decision: DeliberationDecision): DomainError {
  if (decision.ok) throw new Error(`expected an error, got ${decision.events.map((e) => e.type).join(', ') || 'no events'}`)
  return decision.error
}

/** A deliberation and its ballots, changed only through the decider, as the service does. */
export class Council {
  state: DeliberationState
  ballots = new Map<string, Ballot>()
  at: string

  constructor(open: Partial<OpenDeliberation> = {}) {
    const command = anOpen(open)
    this.state = eventsOf(decide(command, null)).reduce<DeliberationState | null>(evolve, null) as DeliberationState
    this.at = command.at
  }

  /** The next instant: one minute after the last. */
  tick(minutes = 1): string {
    this.at = new Date(Date.parse(this.at) + minutes * 60_000).toISOString()
    return this.at
  }

  try(make: (base: { at: string }, council: Council) => DeliberationCommand): DeliberationDecision {
    const command = make({ at: this.tick() }, this)
    const decision = decide(command, this.state)
    if (!decision.ok) return decision
    for (const event of decision.events) {
      this.state = evolve(this.state, event)
      if (event.type === 'BallotCast') {
        this.ballots.set(event.voterOpenid, ballotAfter(this.state.id, this.ballots.get(event.voterOpenid) ?? null, event))
      }
    }
    return decision
  }

  vote(voter: Person, choices: number[]): DeliberationDecision {
    return this.try(({ at }) => ({ type: 'CastBallot', at, actor: voter, choices, current: this.ballots.get(voter.openid) ?? null }))
  }

  proxy(memberOpenid: string, choices: number[], by: Person = CONVENER, note = '电话确认'): DeliberationDecision {
    return this.try(({ at }) => ({
      type: 'CastProxyBallot',
      at,
      actor: by,
      memberOpenid,
      choices,
      note,
      actorName: '王主任',
      current: this.ballots.get(memberOpenid) ?? null,
    }))
  }

  close(actor: Person | 'system' = CONVENER, at?: string): DeliberationDecision {
    return this.try((base) => ({ type: 'CloseDeliberation', at: at ?? base.at, actor }))
  }
}
