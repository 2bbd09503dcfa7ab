/**
 * 我也遇到 and 合并办理 (docs/RULES.md "我也遇到与合并办理"), through the real decider: which cases are
 * offered and may be followed, following once, and which case may be merged into which.
 */
import fc from 'fast-check'
import { SENSITIVE_CATEGORIES, type Category } from '../../../types/enums'
import {
  SIMILAR_MAX,
  SUPPORTERS_MAX,
  daysOpen,
  decide,
  evolve,
  isFollowable,
  newFollowers,
  similarCases,
  type CaseState,
  type Person,
} from '../../../cloudfunctions/_shared/domain'
import { planCaseMessages } from '../../../cloudfunctions/_shared/domain/case.notification-plan'
import { REPORTER, STRANGER, T0, aCase, aChain, aPerson, cadreAt, convenerOf, errorOf, eventsOf, holderOf, hoursAfter, step } from './case.builders'

const support = (state: CaseState, actor: Person = STRANGER, following = false) =>
  decide({ type: 'SupportCase', at: hoursAfter(state.updatedAt, 1), actor, following }, state)

const merge = (state: CaseState, into: CaseState | null, actor: Person = holderOf(state)) =>
  decide({ type: 'MergeCase', at: hoursAfter(state.updatedAt, 1), actor, into }, state)

const anotherCase = (overrides: Parameters<typeof aCase>[0] = {}) =>
  aCase({ ...overrides, submit: { caseId: 'case-2', title: '村口路灯又坏了', ...overrides.submit } })

describe('which cases are offered and followable', () => {
  test('open, named and not sensitive; not resolved, closed, withdrawn, anonymous or sensitive', () => {
    expect(isFollowable(aCase().state)).toBe(true)
    expect(isFollowable(aCase({ status: 'in_progress', level: 'township' }).state)).toBe(true)
    for (const status of ['resolved', 'closed', 'withdrawn'] as const) expect(isFollowable(aCase({ status }).state)).toBe(false)
    expect(isFollowable(aCase({ submit: { anonymous: true } }).state)).toBe(false)
    for (const category of SENSITIVE_CATEGORIES) expect(isFollowable(aCase({ submit: { category } }).state)).toBe(false)
  })

  test('similarCases: this village and category only, the most followed first, then the newest, at most SIMILAR_MAX', () => {
    const at = (i: number) => hoursAfter(T0, i)
    const made = Array.from({ length: 14 }, (_, i) => aCase({ submit: { caseId: `c${i}`, at: at(i) } }).state)
    const followed = { ...made[0]!, supporters: 3 }
    const elsewhere = aCase({ submit: { caseId: 'far', chain: aChain({ village: 'v-2' }) } }).state
    const otherCategory = aCase({ submit: { caseId: 'labor', category: 'labor_social' } }).state
    const anonymous = aCase({ submit: { caseId: 'anon', anonymous: true } }).state
    const list = similarCases([...made.slice(1), followed, elsewhere, otherCategory, anonymous, made[5]!], 'v-hemu', 'governance')
    expect(list.map((c) => c.id)).toEqual(['c0', 'c13', 'c12', 'c11', 'c10', 'c9', 'c8', 'c7', 'c6', 'c5'])
    expect(list).toHaveLength(SIMILAR_MAX)
  })

  test('daysOpen: whole days since it was filed, 0 on its first day', () => {
    expect(daysOpen(T0, hoursAfter(T0, 23))).toBe(0)
    expect(daysOpen(T0, hoursAfter(T0, 24))).toBe(1)
    expect(daysOpen(T0, hoursAfter(T0, 24 * 9 + 5))).toBe(9)
  })
})

describe('SupportCase (我也遇到)', () => {
  test('anyone follows an open public case: one CaseSupported, by her as a resident, and the count rises', () => {
    const h = aCase()
    const [event] = eventsOf(support(h.state, cadreAt('township')))
    expect(event).toMatchObject({ type: 'CaseSupported', by: { openid: 'o-cadre-township', role: 'resident' }, orgId: 'v-hemu' })
    expect(evolve(h.state, event!).supporters).toBe(1)
    // Nobody is told: a count, not a step of the case.
    expect(planCaseMessages([event!], evolve(h.state, event!))).toEqual([])
  })

  test('again, when she already follows it: nothing happens', () => {
    expect(eventsOf(support(aCase().state, STRANGER, true))).toEqual([])
  })

  test('an anonymous or sensitive case is not found, whatever its status (nothing about it leaks)', () => {
    for (const submit of [{ anonymous: true }, { category: 'marriage_family' as Category }]) {
      for (const status of ['pending', 'closed', 'withdrawn'] as const) {
        expect(errorOf(support(aCase({ submit, status }).state))).toMatchObject({ code: 'NOT_FOUND' })
      }
    }
  })

  test('not on her own case, nor once it is resolved or closed; at most SUPPORTERS_MAX followers', () => {
    expect(errorOf(support(aCase().state, REPORTER))).toMatchObject({ code: 'CONFLICT', message: '这是您自己提交的反映，办理进展会告诉您' })
    expect(errorOf(support(aCase({ status: 'resolved' }).state))).toMatchObject({ code: 'CONFLICT', reason: 'CASE_CLOSED' })
    expect(errorOf(support(aCase({ status: 'closed' }).state))).toMatchObject({ code: 'CONFLICT', reason: 'CASE_CLOSED' })
    expect(errorOf(support({ ...aCase().state, supporters: SUPPORTERS_MAX }))).toMatchObject({ code: 'CONFLICT' })
  })

  test('property: however often anyone taps, the count is the number of different people who did', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => aPerson(`o-${id}`))
    fc.assert(
      fc.property(fc.array(fc.nat({ max: people.length - 1 }), { maxLength: 40 }), (taps) => {
        let state = aCase().state
        const following = new Set<string>()
        for (const tap of taps) {
          const person = people[tap]!
          const decision = support(state, person, following.has(person.openid))
          for (const event of eventsOf(decision)) {
            state = evolve(state, event)
            // What the shell does in the same transaction (commands/case.aggregate.ts).
            if (event.type === 'CaseSupported') following.add(event.by!.openid)
          }
        }
        expect(state.supporters ?? 0).toBe(following.size)
        expect(following.size).toBe(new Set(taps).size)
      }),
    )
  })
})

describe('MergeCase (合并办理)', () => {
  test('the holder closes a duplicate into an open public case it holds: closed with its pointer, her reporter told', () => {
    const from = aCase()
    const into = anotherCase({ status: 'in_progress' })
    const events = eventsOf(merge(from.state, into.state))
    expect(events).toEqual([expect.objectContaining({ type: 'CaseMerged', intoCaseId: 'case-2', by: { openid: 'o-convener', role: 'convener' } })])
    const after = evolve(from.state, events[0]!)
    expect(after).toMatchObject({ status: 'closed', mergedInto: 'case-2' })
    expect(planCaseMessages(events, after)).toEqual([{ audience: { kind: 'reporter' }, kind: 'case_merged', eventIndex: 0 }])
    // The duplicate may be anonymous or sensitive: nobody new sees it.
    expect(eventsOf(merge(aCase({ submit: { anonymous: true, category: 'personal' } }).state, into.state))).toHaveLength(1)
  })

  test('the target side counts the followers it gained', () => {
    const into = anotherCase()
    const [event] = eventsOf(decide({ type: 'AbsorbMergedCase', at: hoursAfter(into.at, 1), actor: convenerOf(), fromCaseId: 'case-1', added: 2 }, into.state))
    expect(evolve(into.state, event!)).toMatchObject({ supporters: 2, mergedFrom: ['case-1'] })
  })

  test('only by the holder; not into itself, nowhere it cannot see, not into a closed, another holder’s, anonymous or sensitive case', () => {
    const from = aCase()
    expect(errorOf(merge(from.state, anotherCase().state, cadreAt('township')))).toMatchObject({ code: 'FORBIDDEN' })
    expect(errorOf(merge(from.state, anotherCase().state, REPORTER))).toMatchObject({ code: 'FORBIDDEN' })
    expect(errorOf(merge(from.state, null))).toMatchObject({ code: 'NOT_FOUND', message: '没有找到要合并到的反映' })
    expect(errorOf(merge(from.state, from.state))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(errorOf(merge(from.state, anotherCase({ status: 'resolved' }).state))).toMatchObject({ code: 'CONFLICT', reason: 'CASE_CLOSED' })
    expect(errorOf(merge(from.state, anotherCase({ level: 'township' }).state))).toMatchObject({ code: 'INVALID_INPUT', message: '只能合并到本单位正在办理的反映' })
    expect(errorOf(merge(from.state, anotherCase({ submit: { anonymous: true } }).state))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(errorOf(merge(from.state, anotherCase({ submit: { category: 'property' } }).state))).toMatchObject({ code: 'INVALID_INPUT' })
    const merged = step(from, { type: 'MergeCase', at: hoursAfter(from.at, 1), actor: convenerOf(), into: anotherCase().state })
    expect(errorOf(merge(anotherCase({ submit: { caseId: 'case-3' } }).state, merged.state))).toMatchObject({ code: 'CONFLICT' })
    expect(errorOf(merge(merged.state, anotherCase().state))).toMatchObject({ code: 'CONFLICT', reason: 'CASE_CLOSED' })
  })

  test('newFollowers: the duplicate’s reporter and followers, not the target’s reporter or followers, each once', () => {
    expect(newFollowers({ reporter: 'a', followers: ['b', 'c', 'b', 'x'] }, { reporter: 'c', followers: ['x'] })).toEqual(['a', 'b'])
    // She reported both: she follows her own other case already.
    expect(newFollowers({ reporter: 'a', followers: [] }, { reporter: 'a', followers: [] })).toEqual([])
  })
})
