/**
 * 转办 (TransferCase, docs/RULES.md "转办 and 延期"): a misrouted case moves to the right org at its level
 * under the same parent — by the holder within 48 hours of its arrival, by the parent org's cadre at any
 * time — with fresh deadlines; its village and chain become the new village's, so the holder stays on
 * the case's chain. Who may, which targets, what it records, who hears of it, what it counts.
 */
import {
  canOnCase,
  counterWrites,
  deadlinesAt,
  HIDDEN_TEXT,
  timelineEntryOf,
  visibilityOf,
  type CaseCommand,
  type Chain,
} from '../../../cloudfunctions/_shared/domain'
import { planCaseMessages } from '../../../cloudfunctions/_shared/domain/case.notification-plan'
import {
  REPORTER,
  STRANGER,
  aCase,
  aChain,
  aPerson,
  cadreAt,
  convenerOf,
  errorOf,
  eventsOf,
  given,
  holderOf,
  hoursAfter,
  daysAfter,
  memberOf,
  provinceAdmin,
  step,
  type History,
} from './case.builders'

/** Another village under the same township (t-xianlin), another township under the same county. */
const V2: Chain = aChain({ village: 'v-2' })
const V3: Chain = aChain({ village: 'v-3' })
const T2: Chain = aChain({ village: 'v-t2', township: 't-2' })
/** A village under another county: never a target from c-qixia's subtree. */
const FAR: Chain = aChain({ village: 'v-far', township: 't-far', county: 'c-2' })

const transfer = (h: History, chain: Chain | null, toOrgId: string, options: { actor?: CaseCommand['actor']; hours?: number; reason?: string } = {}) =>
  given(h.events).when({
    type: 'TransferCase',
    at: hoursAfter(h.at, options.hours ?? 1),
    actor: options.actor ?? holderOf(h.state),
    toOrgId,
    reason: options.reason ?? '反映人住在道义村，报错了村',
    chain,
  })
const moved = (h: History, chain: Chain, toOrgId: string, actor = holderOf(h.state), hours = 1): History =>
  step(h, { type: 'TransferCase', at: hoursAfter(h.at, hours), actor, toOrgId, reason: '报错了村', chain })

const FORBIDDEN = { code: 'FORBIDDEN', message: '只有当前承办单位或其上一级妇联可以转办该反映' }

describe('TransferCase (转办) at the village level', () => {
  it('moves the case to the other village, pending, with fresh village deadlines; its village and chain are the new ones', () => {
    const h = aCase({ status: 'in_progress' })
    const at = hoursAfter(h.at, 1)
    expect(eventsOf(transfer(h, V2, 'v-2'))).toEqual([
      {
        type: 'CaseTransferred',
        at,
        level: 'village',
        orgId: 'v-hemu',
        by: { openid: 'o-convener', role: 'convener' },
        toOrgId: 'v-2',
        villageId: 'v-2',
        chain: V2,
        byOrgId: 'v-hemu',
        byLevel: 'village',
        reason: '反映人住在道义村，报错了村',
        ...deadlinesAt('village', at),
      },
    ])
    const after = moved(h, V2, 'v-2').state
    expect(after).toMatchObject({ status: 'pending', level: 'village', holderOrgId: 'v-2', villageId: 'v-2', chain: V2, arrivedAt: at })
    // A fresh round: what the old holder did stays in the timeline only.
    expect(after.acceptedAt).toBeUndefined()
    expect(after.transfers).toEqual([{ at, level: 'village', fromOrgId: 'v-hemu', toOrgId: 'v-2', byOrgId: 'v-hemu' }])
  })

  it('is the holder’s within 48 hours of the arrival, then only the parent’s', () => {
    const h = aCase()
    expect(eventsOf(transfer(h, V2, 'v-2', { hours: 47.99 }))).toHaveLength(1)
    expect(errorOf(transfer(h, V2, 'v-2', { hours: 48 }))).toMatchObject({ code: 'CONFLICT', reason: 'TRANSFER_TOO_LATE' })
    expect(errorOf(transfer(h, V2, 'v-2', { hours: 48, actor: cadreAt('village') })).reason).toBe('TRANSFER_TOO_LATE')
    // The township may at any time, and it is recorded as the township's move.
    const late = eventsOf(transfer(h, V2, 'v-2', { hours: 24 * 6, actor: cadreAt('township') }))[0]
    expect(late).toMatchObject({ type: 'CaseTransferred', orgId: 'v-hemu', byOrgId: 't-xianlin', byLevel: 'township' })
  })

  it('counts the 48 hours from the latest arrival: a case handed back down may be transferred again', () => {
    let h = aCase({ level: 'township' })
    h = step(h, { type: 'HandBackCase', at: daysAfter(h.at, 5), actor: cadreAt('township'), toOrgId: 'v-hemu', instructions: '请村里核实' })
    expect(eventsOf(transfer(h, V2, 'v-2', { hours: 40 }))).toHaveLength(1)
  })

  it('is refused to everyone else: members, the county and above, the admin, the reporter, another village', () => {
    const h = aCase()
    const others = [
      memberOf(),
      cadreAt('county'),
      cadreAt('city'),
      cadreAt('province'),
      provinceAdmin(),
      REPORTER,
      STRANGER,
      aPerson('o-v2-cadre', { role: 'cadre', orgId: 'v-2' }),
    ]
    for (const actor of others) expect([actor, errorOf(transfer(h, V2, 'v-2', { actor }))]).toEqual([actor, FORBIDDEN])
  })

  it('goes only to another org at the same level under the same parent', () => {
    const h = aCase()
    expect(errorOf(transfer(h, aChain(), 'v-hemu'))).toEqual({ code: 'INVALID_INPUT', message: '请选择要转给的单位（不能是本单位）' })
    expect(errorOf(transfer(h, null, 'v-nowhere'))).toEqual({ code: 'INVALID_INPUT', message: '请选择要转给的单位及反映所在的村（社区）' })
    const notSameParent = { code: 'INVALID_INPUT', message: '只能转给同一上级下的同级单位' }
    // A village of another township or county, a township named as a village, a chain that is not the target's.
    expect(errorOf(transfer(h, T2, 'v-t2'))).toEqual(notSameParent)
    expect(errorOf(transfer(h, FAR, 'v-far'))).toEqual(notSameParent)
    expect(errorOf(transfer(h, T2, 't-2'))).toEqual(notSameParent)
    expect(errorOf(transfer(h, V3, 'v-2'))).toEqual(notSameParent)
    // A broken chain (a level repeated) is no ladder.
    expect(errorOf(transfer(h, { ...V2, county: 't-xianlin' }, 'v-2'))).toEqual(notSameParent)
    expect(errorOf(transfer(h, V2, 'v-2', { reason: ' ' }))).toEqual({ code: 'INVALID_INPUT', message: '请填写转办理由' })
  })

  it('does not go straight back by the holder it was sent to; onward, or back by the parent, it may', () => {
    const there = moved(aCase(), V2, 'v-2')
    const v2Convener = convenerOf(V2)
    expect(errorOf(transfer(there, aChain(), 'v-hemu', { actor: v2Convener }))).toEqual({
      code: 'INVALID_INPUT',
      message: '这条反映是从该单位转来的，不能直接转回；如有异议，请上一级妇联转办',
    })
    expect(eventsOf(transfer(there, V3, 'v-3', { actor: v2Convener }))).toHaveLength(1)
    expect(eventsOf(transfer(there, aChain(), 'v-hemu', { actor: cadreAt('township') }))).toHaveLength(1)
  })

  it('is refused on a case no longer being handled', () => {
    for (const status of ['resolved', 'closed', 'withdrawn'] as const) {
      expect(errorOf(transfer(aCase({ status }), V2, 'v-2')).code).toBe('CONFLICT')
    }
  })

  it('hands the case to the new village: its council handles and sees it, the old one no longer', () => {
    const after = moved(aCase(), V2, 'v-2').state
    expect(canOnCase(convenerOf(V2), 'accept', after)).toBe(true)
    expect(visibilityOf(convenerOf(), after)).toBe('none')
    expect(visibilityOf(memberOf(), after)).toBe('none')
    // The township and above see it as before; the reporter still follows it.
    expect(visibilityOf(cadreAt('township'), after)).toBe('full')
    expect(visibilityOf(REPORTER, after)).toBe('full')
  })

  it('tells her and the new holder; the org it left only when the parent moved it', () => {
    const h = aCase()
    const byHolder = eventsOf(transfer(h, V2, 'v-2'))
    expect(planCaseMessages(byHolder, moved(h, V2, 'v-2').state).map((m) => [m.audience, m.kind])).toEqual([
      [{ kind: 'reporter' }, 'case_transferred'],
      [{ kind: 'org', orgId: 'v-2', roles: ['convener', 'cadre'] }, 'case_arrived'],
    ])
    const byParent = eventsOf(transfer(h, V2, 'v-2', { actor: cadreAt('township') }))
    expect(planCaseMessages(byParent, moved(h, V2, 'v-2', cadreAt('township')).state).map((m) => [m.audience, m.kind])).toEqual([
      [{ kind: 'reporter' }, 'case_transferred'],
      [{ kind: 'org', orgId: 'v-hemu', roles: ['convener', 'cadre'] }, 'case_transferred_away'],
      [{ kind: 'org', orgId: 'v-2', roles: ['convener', 'cadre'] }, 'case_arrived'],
    ])
  })

  it('moves what the case is from the old village’s counters to the new one’s; the arrival counts where it now is', () => {
    const h = aCase({ submit: { category: 'property' } })
    const after = moved(h, V2, 'v-2')
    const events = after.events.slice(h.events.length)
    expect(counterWrites(events, h.state, after.state)).toEqual([
      // The township and above: one more arrival at a village, the case itself unchanged.
      { orgIds: ['t-xianlin', 'c-qixia', 'ci-nanjing', 'p-jiangsu'], deltas: { 'arrived:village': 1 } },
      { orgIds: ['v-hemu'], deltas: { cases: -1, 'status:pending': -1, 'category:property': -1 } },
      { orgIds: ['v-2'], deltas: { cases: 1, 'status:pending': 1, 'category:property': 1, 'arrived:village': 1 } },
    ])
    // Any other change writes the five orgs alike.
    const accepted = step(after, { type: 'AcceptCase', at: hoursAfter(after.at, 1), actor: convenerOf(V2) })
    expect(counterWrites(accepted.events.slice(after.events.length), after.state, accepted.state)).toEqual([
      { orgIds: ['v-2', 't-xianlin', 'c-qixia', 'ci-nanjing', 'p-jiangsu'], deltas: { 'status:pending': -1, 'status:in_progress': 1 } },
    ])
  })

  it('hides its reason from a viewer of a redacted case', () => {
    const h = step(aCase({ submit: { category: 'personal' } }), {
      type: 'TransferCase',
      at: '2025-03-03T02:00:00.000Z',
      actor: cadreAt('township'),
      toOrgId: 'v-2',
      reason: '她娘家在道义村',
      chain: V2,
    })
    expect(timelineEntryOf(h.events.at(-1)!, 'redacted')).toMatchObject({ reason: HIDDEN_TEXT })
  })
})

describe('TransferCase (转办) above the village level', () => {
  it('moves a township’s case to another township of the county, with the village named under it', () => {
    const h = aCase({ level: 'township' })
    const at = hoursAfter(h.at, 1)
    expect(eventsOf(transfer(h, T2, 't-2'))[0]).toMatchObject({
      level: 'township',
      orgId: 't-xianlin',
      toOrgId: 't-2',
      villageId: 'v-t2',
      chain: T2,
      byOrgId: 't-xianlin',
      ...deadlinesAt('township', at),
    })
    const after = step(h, { type: 'TransferCase', at, actor: cadreAt('township'), toOrgId: 't-2', reason: '属清水台镇', chain: T2 }).state
    expect(after).toMatchObject({ level: 'township', holderOrgId: 't-2', villageId: 'v-t2', chain: T2 })
    // The old village's council no longer follows it; the new township's parent (the county) may move it on.
    expect(visibilityOf(convenerOf(), after)).toBe('none')
    expect(canOnCase(cadreAt('county'), 'transfer', after)).toBe(true)
  })

  it('needs the village to move with it, under the township it goes to, in the same county', () => {
    const h = aCase({ level: 'township' })
    expect(errorOf(transfer(h, null, 't-2')).message).toBe('请选择要转给的单位及反映所在的村（社区）')
    // The village of the old township, or of another county, is not where the case now belongs.
    expect(errorOf(transfer(h, V2, 't-2')).message).toBe('只能转给同一上级下的同级单位')
    expect(errorOf(transfer(h, FAR, 't-far')).message).toBe('只能转给同一上级下的同级单位')
  })

  it('is the parent’s (the county) at any time, never the city’s', () => {
    const h = aCase({ level: 'township' })
    expect(eventsOf(transfer(h, T2, 't-2', { actor: cadreAt('county'), hours: 24 * 9 }))[0]).toMatchObject({ byOrgId: 'c-qixia' })
    expect(errorOf(transfer(h, T2, 't-2', { actor: cadreAt('city') }))).toEqual(FORBIDDEN)
    // The village it came up from is below the holder: not its move either.
    expect(errorOf(transfer(h, T2, 't-2', { actor: convenerOf() }))).toEqual(FORBIDDEN)
  })

  it('has nowhere to go at the province', () => {
    const h = aCase({ level: 'province' })
    expect(errorOf(transfer(h, null, 'p-2'))).toMatchObject({ code: 'CONFLICT', reason: 'TOP_LEVEL' })
  })
})
