/**
 * The statistics side of the Store, for every adapter: counters added in the caller's transaction
 * (all or nothing, no lost increment under concurrency), bindings that say whether they were new
 * (onboarding counts members by it), and a subtree's cases by submission time (the CSV export).
 */
import { CASE_STATUSES, CATEGORIES, LEVELS } from '../../types/enums'
import { facetHolds, type CaseFacet, type CaseState } from '../../cloudfunctions/_shared/domain'
import type { Store, SubtreeCursor } from '../../cloudfunctions/_shared/ports/store.port'
import { T0, aCase, aChain, aPerson, aSubmittedCase, holderOf, hoursAfter, step, type History } from '../unit/domain/case.builders'
import { createAll } from './store.cases.contract'

const ids = (states: CaseState[]) => states.map((s) => s.id)

export function countersContract(current: () => Store) {
  describe('counters', () => {
    test('add sums per org and key; get answers every counter of the org, {} for none', async () => {
      const store = current()
      await store.counters.add(['v', 't', 'p'], { cases: 1, 'status:pending': 1 })
      await store.counters.add(['v', 'p'], { 'status:pending': -1, 'status:in_progress': 1 })
      await store.counters.add(['t'], { 'status:pending': 2, resolveMinutes: 0 })
      expect(await store.counters.get('v')).toEqual({ cases: 1, 'status:pending': 0, 'status:in_progress': 1 })
      expect(await store.counters.get('t')).toEqual({ cases: 1, 'status:pending': 3 })
      expect(await store.counters.get('p')).toEqual({ cases: 1, 'status:pending': 0, 'status:in_progress': 1 })
      expect(await store.counters.get('nobody')).toEqual({})
      // Many at once, in the order asked, an org asked twice answered twice.
      expect(await store.counters.getMany(['p', 'nobody', 'v', 'p'])).toEqual([
        { cases: 1, 'status:pending': 0, 'status:in_progress': 1 },
        {},
        { cases: 1, 'status:pending': 0, 'status:in_progress': 1 },
        { cases: 1, 'status:pending': 0, 'status:in_progress': 1 },
      ])
      expect(await store.counters.getMany([])).toEqual([])
      await store.counters.add([], { cases: 5 })
      await store.counters.add(['v'], {})
      expect((await store.counters.get('v')).cases).toBe(1)
    })

    test('adds made in a transaction that throws are not kept', async () => {
      const store = current()
      await store.counters.add(['v'], { cases: 1 })
      await expect(
        store.transaction(async (tx) => {
          await tx.counters.add(['v', 'p'], { cases: 1 })
          await tx.meta.set('k', 'v')
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.counters.get('v')).toEqual({ cases: 1 })
      expect(await store.counters.get('p')).toEqual({})
    })

    test('concurrent transactions adding to the same orgs lose no increment', async () => {
      const store = current()
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.transaction((tx) => tx.counters.add(['v', 'p'], { cases: 1, resolveMinutes: i })),
        ),
      )
      const expected = { cases: 12, resolveMinutes: 66 }
      expect(await store.counters.get('v')).toEqual(expected)
      expect(await store.counters.get('p')).toEqual(expected)
    })

    test('period sets: rows add up per (org, period), apart from the all-time counters and each other', async () => {
      const store = current()
      await store.counters.addInPeriods([
        { orgId: 'v', period: '2026-11', deltas: { submitted: 1, acceptDue: 1 } },
        { orgId: 'v', period: '2026-11', deltas: { acceptDue: 1, acceptedInTime: 1 } },
        { orgId: 't', period: '2026-11', deltas: { submitted: 1 } },
        { orgId: 'v', period: '2026-11-30', deltas: { 'reported:governance': 1 } },
        { orgId: 'v', period: '2026-12', deltas: { ratings: 0 } },
      ])
      await store.transaction((tx) => tx.counters.addInPeriods([{ orgId: 't', period: '2026-11', deltas: { submitted: 2, urged: -1 } }]))
      expect(
        await store.counters.inPeriods([
          { orgId: 't', period: '2026-11' },
          { orgId: 'v', period: '2026-11' },
          { orgId: 'v', period: '2026-11-30' },
          { orgId: 'v', period: '2026-12' },
          { orgId: 'nobody', period: '2026-11' },
          { orgId: 'v', period: '2026-11' },
        ]),
      ).toEqual([
        { submitted: 3, urged: -1 },
        { submitted: 1, acceptDue: 2, acceptedInTime: 1 },
        { 'reported:governance': 1 },
        {},
        {},
        { submitted: 1, acceptDue: 2, acceptedInTime: 1 },
      ])
      // An org's all-time counters are not a period's.
      expect(await store.counters.get('v')).toEqual({})
      await store.counters.addInPeriods([])
      expect(await store.counters.inPeriods([])).toEqual([])
    })

    test('period sets: many at once (an early-warning look reads ~160), even for an org id with a colon in it', async () => {
      const store = current()
      const days = Array.from({ length: 150 }, (_, i) => new Date(Date.UTC(2026, 6, 1) + i * 86_400_000).toISOString().slice(0, 10))
      await store.counters.addInPeriods(days.map((period, i) => ({ orgId: 'v:1', period, deltas: { 'reported:other': i + 1 } })))
      const sets = await store.counters.inPeriods(days.map((period) => ({ orgId: 'v:1', period })))
      expect(sets.map((set) => set['reported:other'])).toEqual(days.map((_, i) => i + 1))
    })

    test('period adds made in a transaction that throws are not kept; concurrent ones lose nothing', async () => {
      const store = current()
      await expect(
        store.transaction(async (tx) => {
          await tx.counters.addInPeriods([{ orgId: 'v', period: '2026-11', deltas: { submitted: 1 } }])
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.counters.inPeriods([{ orgId: 'v', period: '2026-11' }])).toEqual([{}])
      await Promise.all(
        Array.from({ length: 8 }, () =>
          store.transaction((tx) => tx.counters.addInPeriods([{ orgId: 'v', period: '2026-11', deltas: { submitted: 1 } }, { orgId: 'p', period: '2026-11', deltas: { submitted: 1 } }])),
        ),
      )
      expect(await store.counters.inPeriods([{ orgId: 'v', period: '2026-11' }, { orgId: 'p', period: '2026-11' }])).toEqual([{ submitted: 8 }, { submitted: 8 }])
    })

    test('bind and unbind answer whether they changed anything', async () => {
      const store = current()
      const m = { openid: 'o1', role: 'member', orgId: 'v' } as const
      expect(await store.people.bind(m)).toBe(true)
      expect(await store.people.bind(m)).toBe(false)
      expect(await store.transaction((tx) => tx.people.bind({ ...m, role: 'convener' }))).toBe(true)
      expect(await store.people.unbind(m)).toBe(true)
      expect(await store.people.unbind(m)).toBe(false)
      expect(await store.people.rolesOf('o1')).toEqual([{ ...m, role: 'convener' }])
    })
  })

  describe('cases in a subtree', () => {
    // Two villages of one township, one of another township, one in another county.
    const chains = [
      aChain(),
      aChain({ village: 'v-2' }),
      aChain({ village: 'v-3', township: 't-2' }),
      aChain({ village: 'v-4', township: 't-3', county: 'c-2' }),
    ]
    /** Case i at chains[i % 4], submitted i hours after T0 — except two that share an instant. */
    const histories = Array.from({ length: 12 }, (_, i) => {
      const at = hoursAfter(T0, i === 7 ? 6 : i)
      return aSubmittedCase({ caseId: `case-${String(i).padStart(2, '0')}`, at, chain: chains[i % 4]!, actor: aPerson('o-reporter') })
    })
    const cases = histories.map((h) => h.state)
    const inOrder = (states: CaseState[]) =>
      [...states].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id))

    test('answers the cases whose chain passes through the org, by (submittedAt, id), at every level', async () => {
      const store = current()
      await createAll(store, histories)
      const expect_ = async (orgId: string, pick: (c: CaseState) => boolean) =>
        expect(ids(await store.cases.inSubtree(orgId, 100))).toEqual(ids(inOrder(cases.filter(pick))))
      await expect_('p-jiangsu', () => true)
      await expect_('c-qixia', (c) => c.chain.county === 'c-qixia')
      await expect_('t-xianlin', (c) => c.chain.township === 't-xianlin')
      await expect_('v-2', (c) => c.villageId === 'v-2')
      expect(await store.cases.inSubtree('v-none', 100)).toEqual([])
      // What is stored is the case itself.
      expect((await store.cases.inSubtree('v-3', 100))[0]).toEqual(cases[2])
    })

    test('pages by cursor without skipping or repeating, even across a shared instant', async () => {
      const store = current()
      await createAll(store, histories)
      const seen: CaseState[] = []
      let after: { submittedAt: string; id: string } | undefined
      for (;;) {
        const page = await store.cases.inSubtree('p-jiangsu', 5, after)
        seen.push(...page)
        const last = page[page.length - 1]
        if (!last || page.length < 5) break
        after = { submittedAt: last.submittedAt, id: last.id }
      }
      expect(ids(seen)).toEqual(ids(inOrder(cases)))
    })

    test('keeps to the submission range: from inclusive, to exclusive', async () => {
      const store = current()
      await createAll(store, histories)
      const from = hoursAfter(T0, 3)
      const to = hoursAfter(T0, 8)
      const within = (c: CaseState) => c.submittedAt >= from && c.submittedAt < to
      expect(ids(await store.cases.inSubtree('p-jiangsu', 100, undefined, { from, to }))).toEqual(ids(inOrder(cases.filter(within))))
      expect(ids(await store.cases.inSubtree('p-jiangsu', 100, undefined, { from }))).toEqual(
        ids(inOrder(cases.filter((c) => c.submittedAt >= from))),
      )
      expect(ids(await store.cases.inSubtree('t-xianlin', 2, undefined, { to }))).toEqual(
        ids(inOrder(cases.filter((c) => c.chain.township === 't-xianlin' && c.submittedAt < to))).slice(0, 2),
      )
    })

    test('a case transferred to another village is found under its new chain only, in its place', async () => {
      const store = current()
      await createAll(store, histories)
      const h = aSubmittedCase({ caseId: 'case-t', at: hoursAfter(T0, 2), chain: chains[0]!, actor: aPerson('o-reporter') })
      await store.cases.create(h.state, h.events)
      // Up at the township, 转办 to another township of the county, with the village under it: the chain moves.
      const up = step(h, { type: 'EscalateCase', at: hoursAfter(T0, 3), actor: aPerson('o-v', { role: 'cadre', orgId: 'v-hemu' }), reason: '需街道协调' })
      await store.cases.update(up.state, 1, up.events.slice(h.events.length))
      const to = chains[2]!
      const transfer = step(up, {
        type: 'TransferCase',
        at: hoursAfter(T0, 4),
        actor: aPerson('o-t', { role: 'cadre', orgId: 't-xianlin' }),
        toOrgId: to.township,
        reason: '属清水台镇',
        chain: to,
      })
      expect(transfer.state).toMatchObject({ villageId: 'v-3', holderOrgId: 't-2' })
      await store.cases.update(transfer.state, 2, transfer.events.slice(up.events.length))
      expect(ids(await store.cases.inSubtree('v-3', 100))).toEqual(ids(inOrder([...cases.filter((c) => c.villageId === 'v-3'), transfer.state])))
      expect(ids(await store.cases.inSubtree('t-2', 100))).toContain('case-t')
      expect(ids(await store.cases.inSubtree('v-hemu', 100))).not.toContain('case-t')
      expect(ids(await store.cases.inSubtree('t-xianlin', 100))).not.toContain('case-t')
      expect(ids(await store.cases.inSubtree('c-qixia', 100)).filter((id) => id === 'case-t')).toEqual(['case-t'])
      expect((await store.cases.inSubtree('v-3', 100)).find((c) => c.id === 'case-t')).toEqual(transfer.state)
    })

    test('a case keeps its place after it changes (the chain index is written once)', async () => {
      const store = current()
      const h = aSubmittedCase({ caseId: 'case-x', at: T0 })
      await store.cases.create(h.state, h.events)
      const moved: CaseState = { ...h.state, status: 'withdrawn', updatedAt: hoursAfter(T0, 1), withdrawnAt: hoursAfter(T0, 1) }
      await store.cases.update(moved, 1, [])
      expect(await store.cases.inSubtree('t-xianlin', 10)).toEqual([moved])
    })
  })

  describe('the cases behind a dashboard figure (newestInSubtree)', () => {
    const chains = [aChain(), aChain({ village: 'v-2' }), aChain({ village: 'v-3', township: 't-2' })]
    const SHAPES = [
      { status: 'pending' },
      { status: 'in_progress', level: 'township' },
      { status: 'resolved' },
      { status: 'resolved', level: 'county' },
      { status: 'closed', level: 'township' },
      { status: 'withdrawn' },
    ] as const
    /** Eighteen cases of every shape, category and chain, submitted a day apart (two on one instant). */
    const histories: History[] = Array.from({ length: 18 }, (_, i) => {
      const shape = SHAPES[i % SHAPES.length]!
      const at = hoursAfter(T0, 24 * (i === 9 ? 8 : i))
      return aCase({
        submit: { caseId: `drill-${String((i * 7) % 18).padStart(2, '0')}`, at, chain: chains[i % 3]!, category: CATEGORIES[i % CATEGORIES.length]! },
        ...shape,
      })
    })
    // Two more the village let lapse, so the sweep sent them up late: 超期未办结 (one then resolved).
    const late = (caseId: string, at: string) => {
      const h = aSubmittedCase({ caseId, at, chain: chains[0]!, category: 'property' })
      return step(h, { type: 'MissDeadline', at: hoursAfter(at, 25), actor: 'system' })
    }
    const lateOpen = late('drill-late-1', hoursAfter(T0, 24 * 20))
    const lateDone = (() => {
      const h = late('drill-late-2', hoursAfter(T0, 24 * 21))
      const accepted = step(h, { type: 'AcceptCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state) })
      return step(accepted, { type: 'ResolveCase', at: hoursAfter(accepted.at, 1), actor: holderOf(h.state), outcome: 'solved', resolution: '已解决' })
    })()
    const all = [...histories, lateOpen, lateDone].map((h) => h.state)
    const newestFirst = (states: CaseState[]) =>
      [...states].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id))
    const FACETS: (CaseFacet | null)[] = [
      null,
      ...CASE_STATUSES.map((status) => ({ kind: 'status', status }) as const),
      ...CATEGORIES.map((category) => ({ kind: 'category', category }) as const),
      ...LEVELS.map((level) => ({ kind: 'resolvedAt', level }) as const),
      { kind: 'overdue' },
    ]
    const within = (orgId: string) => (s: CaseState) => Object.values(s.chain).includes(orgId)

    test('answers the subtree’s cases the figure counts, newest first, at every level, for every figure', async () => {
      const store = current()
      await createAll(store, [...histories, lateOpen, lateDone])
      for (const orgId of ['p-jiangsu', 't-xianlin', 'v-2', 't-2']) {
        for (const facet of FACETS) {
          const expected = newestFirst(all.filter((s) => within(orgId)(s) && facetHolds(s, facet)))
          expect([orgId, facet, ids(await store.cases.newestInSubtree(orgId, facet, 100))]).toEqual([orgId, facet, ids(expected)])
        }
      }
      // Some figures have cases, and what is stored is the case itself.
      expect(ids(await store.cases.newestInSubtree('p-jiangsu', { kind: 'overdue' }, 100))).toEqual(['drill-late-1'])
      expect((await store.cases.newestInSubtree('p-jiangsu', { kind: 'resolvedAt', level: 'county' }, 100)).length).toBeGreaterThan(0)
      expect((await store.cases.newestInSubtree('v-2', null, 1))[0]).toEqual(newestFirst(all.filter(within('v-2')))[0])
      expect(await store.cases.newestInSubtree('v-none', null, 100)).toEqual([])
    })

    test('pages strictly before the cursor without skipping or repeating, across a shared instant, within a range', async () => {
      const store = current()
      await createAll(store, [...histories, lateOpen, lateDone])
      const from = hoursAfter(T0, 24 * 3)
      const to = hoursAfter(T0, 24 * 15)
      for (const [facet, range] of [[null, undefined], [null, { from, to }], [{ kind: 'status', status: 'resolved' }, { from }], [{ kind: 'category', category: 'governance' }, { to }]] as const) {
        const seen: CaseState[] = []
        let before: SubtreeCursor | undefined
        for (;;) {
          const page = await store.cases.newestInSubtree('p-jiangsu', facet, 3, before, range)
          seen.push(...page)
          const last = page[page.length - 1]
          if (!last || page.length < 3) break
          before = { submittedAt: last.submittedAt, id: last.id }
        }
        const inRange = (s: CaseState) => (!range || !('from' in range) || s.submittedAt >= range.from!) && (!range || !('to' in range) || s.submittedAt < range.to!)
        expect([facet, range, ids(seen)]).toEqual([facet, range, ids(newestFirst(all.filter((s) => facetHolds(s, facet) && inRange(s))))])
      }
    })

    test('follows every write: a case leaves one figure’s list and joins another’s as it changes', async () => {
      const store = current()
      const h = aSubmittedCase({ caseId: 'drill-moving', at: T0, category: 'labor_social' })
      await store.cases.create(h.state, h.events)
      const pending = { kind: 'status', status: 'pending' } as const
      expect(ids(await store.cases.newestInSubtree('t-xianlin', pending, 10))).toEqual(['drill-moving'])
      const missed = step(h, { type: 'MissDeadline', at: hoursAfter(T0, 25), actor: 'system' })
      await store.cases.update(missed.state, 1, missed.events.slice(h.events.length))
      expect(ids(await store.cases.newestInSubtree('c-qixia', { kind: 'overdue' }, 10))).toEqual(['drill-moving'])
      const accepted = step(missed, { type: 'AcceptCase', at: hoursAfter(missed.at, 1), actor: holderOf(missed.state) })
      await store.cases.update(accepted.state, 2, accepted.events.slice(missed.events.length))
      const resolved = step(accepted, { type: 'ResolveCase', at: hoursAfter(accepted.at, 1), actor: holderOf(accepted.state), outcome: 'solved', resolution: '已解决' })
      await store.cases.update(resolved.state, 3, resolved.events.slice(accepted.events.length))
      expect(await store.cases.newestInSubtree('t-xianlin', pending, 10)).toEqual([])
      expect(await store.cases.newestInSubtree('c-qixia', { kind: 'overdue' }, 10)).toEqual([])
      expect(await store.cases.newestInSubtree('p-jiangsu', { kind: 'resolvedAt', level: 'township' }, 10)).toEqual([resolved.state])
      expect(ids(await store.cases.newestInSubtree('v-hemu', { kind: 'category', category: 'labor_social' }, 10))).toEqual(['drill-moving'])
    })
  })
}
