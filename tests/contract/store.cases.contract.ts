/**
 * The case repository's promises, for every Store adapter. Cases are built through the real decider
 * (case.builders), so every stored state is one the rules can reach and its due instant is the
 * domain's own `nextDue`.
 */
import { nextDue, type CaseState } from '../../cloudfunctions/_shared/domain'
import { VersionConflict, type DueCursor, type Store } from '../../cloudfunctions/_shared/ports/store.port'
import {
  REPORTER,
  T0,
  aCase,
  aChain,
  aPerson,
  aSubmittedCase,
  holderOf,
  hoursAfter,
  step,
  type History,
} from '../unit/domain/case.builders'

/** A freshly submitted case (pending at its village), by `reporter`, at `at`. */
export function submitted(caseId: string, o: { at?: string; reporter?: string; village?: string } = {}): History {
  const reporter = o.reporter ?? REPORTER.openid
  const chain = aChain(o.village ? { village: o.village } : {})
  return aSubmittedCase({ caseId, at: o.at ?? T0, reporterOpenid: reporter, actor: aPerson(reporter), chain })
}

/** The village accepts the case, an hour after its last event. */
const accepted = (h: History) => step(h, { type: 'AcceptCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state) })

/** Creates cases a few at a time: fast on every adapter without one long serial chain. */
export async function createAll(store: Store, histories: History[], width = 25) {
  for (let i = 0; i < histories.length; i += width) {
    await Promise.all(histories.slice(i, i + width).map((h) => store.cases.create(h.state, h.events)))
  }
}

/** The due list by definition: nextDue(state).at ≤ now, by (dueAt, id). */
function expectedDue(states: CaseState[], now: string): DueCursor[] {
  return states
    .flatMap((s) => {
      const at = nextDue(s)?.at
      return at !== undefined && at <= now ? [{ id: s.id, dueAt: at }] : []
    })
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const ids = (states: CaseState[]) => states.map((s) => s.id)

export function casesContract(current: () => Store) {
  describe('cases', () => {
    test('create stores version 1 and its events; get and timeline read them back', async () => {
      const store = current()
      const h = submitted('case-1')
      expect(await store.cases.create(h.state, h.events)).toEqual({ created: true, id: 'case-1' })
      expect(await store.cases.get('case-1')).toEqual({ state: h.state, version: 1 })
      expect(await store.cases.timeline('case-1')).toEqual(h.events)
      expect(await store.cases.get('case-2')).toBeNull()
      expect(await store.cases.timeline('case-2')).toEqual([])
    })

    test('update writes the new state, bumps the version and appends events in order', async () => {
      const store = current()
      const h1 = submitted('case-1')
      await store.cases.create(h1.state, h1.events)
      const h2 = accepted(h1)
      await store.cases.update(h2.state, 1, h2.events.slice(h1.events.length))
      const h3 = step(h2, {
        type: 'ResolveCase',
        at: hoursAfter(h2.at, 1),
        actor: holderOf(h2.state),
        outcome: 'solved',
        resolution: '已修好。',
      })
      await store.cases.update(h3.state, 2, h3.events.slice(h2.events.length))
      expect(await store.cases.get('case-1')).toEqual({ state: h3.state, version: 3 })
      expect(await store.cases.timeline('case-1')).toEqual(h3.events)
    })

    test('a stale version is a VersionConflict and writes nothing', async () => {
      const store = current()
      const h1 = submitted('case-1')
      await store.cases.create(h1.state, h1.events)
      const h2 = accepted(h1)
      await store.cases.update(h2.state, 1, h2.events.slice(1))

      const withdrawn = step(h1, { type: 'WithdrawCase', at: hoursAfter(h1.at, 2), actor: REPORTER })
      const stale = store.cases.update(withdrawn.state, 1, withdrawn.events.slice(1))
      await expect(stale).rejects.toBeInstanceOf(VersionConflict)
      await expect(stale).rejects.toMatchObject({ caseId: 'case-1' })

      expect(await store.cases.get('case-1')).toEqual({ state: h2.state, version: 2 })
      expect(await store.cases.timeline('case-1')).toEqual(h2.events)
    })

    test('updating a case that does not exist is a VersionConflict', async () => {
      const h = accepted(submitted('ghost'))
      await expect(current().cases.update(h.state, 1, h.events)).rejects.toBeInstanceOf(VersionConflict)
      expect(await current().cases.get('ghost')).toBeNull()
    })

    test('a repeated submission (same reporter, same clientRequestId) stores nothing and answers the first id', async () => {
      const store = current()
      const first = submitted('case-1')
      const retry = submitted('case-2')
      expect(await store.cases.create(first.state, first.events, 'req-1')).toEqual({ created: true, id: 'case-1' })
      expect(await store.cases.create(retry.state, retry.events, 'req-1')).toEqual({ created: false, id: 'case-1' })
      expect(await store.cases.get('case-2')).toBeNull()
      expect(await store.cases.timeline('case-2')).toEqual([])
      expect(await store.cases.timeline('case-1')).toEqual(first.events)

      // The key is the pair: another request of hers, or the same request id of someone else, is new.
      const again = submitted('case-3')
      expect(await store.cases.create(again.state, again.events, 'req-2')).toEqual({ created: true, id: 'case-3' })
      const other = submitted('case-4', { reporter: 'o-neighbour' })
      expect(await store.cases.create(other.state, other.events, 'req-1')).toEqual({ created: true, id: 'case-4' })

      expect(await store.cases.byRequest(first.state.reporter.openid, 'req-1')).toBe('case-1')
      expect(await store.cases.byRequest('o-neighbour', 'req-1')).toBe('case-4')
      expect(await store.cases.byRequest('o-neighbour', 'req-9')).toBeNull()
    })

    test('creating an id that exists stores nothing, with or without a clientRequestId', async () => {
      const store = current()
      const h = submitted('case-1')
      await store.cases.create(h.state, h.events)
      const h2 = accepted(h)
      await store.cases.update(h2.state, 1, h2.events.slice(1))
      expect(await store.cases.create(h.state, h.events)).toEqual({ created: false, id: 'case-1' })
      expect(await store.cases.create(h.state, h.events, 'req-9')).toEqual({ created: false, id: 'case-1' })
      expect(await store.cases.get('case-1')).toEqual({ state: h2.state, version: 2 })
      expect(await store.cases.timeline('case-1')).toEqual(h2.events)
    })

    test('concurrent creates of one submission store one case', async () => {
      const store = current()
      const tries = ['case-a', 'case-b', 'case-c', 'case-d'].map((id) => submitted(id))
      const results = await Promise.all(tries.map((h) => store.cases.create(h.state, h.events, 'req-1')))
      expect(results.filter((r) => r.created)).toHaveLength(1)
      const winner = results.find((r) => r.created)!.id
      expect(results.map((r) => r.id)).toEqual(tries.map(() => winner))
      const stored = await Promise.all(tries.map((h) => store.cases.get(h.state.id)))
      expect(stored.filter(Boolean)).toHaveLength(1)
      expect(await store.cases.reportedBy(REPORTER.openid, 10)).toHaveLength(1)
    })

    test('due: cases whose next due instant has come, by (dueAt, id); never those not yet due or never due', async () => {
      const store = current()
      const t = (h: number) => hoursAfter(T0, h)
      const histories = [
        submitted('c-late', { at: t(30) }),
        submitted('c-b', { at: t(0) }),
        submitted('c-a', { at: t(0) }), // ties with c-b: id decides
        submitted('c-mid', { at: t(5) }),
        aCase({ submit: { caseId: 'c-accepted', at: t(1) }, status: 'in_progress' }),
        aCase({ submit: { caseId: 'c-resolved', at: t(2) }, status: 'resolved' }),
        aCase({ submit: { caseId: 'c-closed', at: t(0) }, status: 'closed' }),
        aCase({ submit: { caseId: 'c-withdrawn', at: t(0) }, status: 'withdrawn' }),
      ]
      await createAll(store, histories)
      const states = histories.map((h) => h.state)
      expect(nextDue(states[6]!)).toBeNull()
      expect(nextDue(states[7]!)).toBeNull()

      // Instants between the due times, so each step admits more cases.
      const dueTimes = [...new Set(states.map((s) => nextDue(s)?.at).filter((at): at is string => !!at))].sort()
      for (const now of [hoursAfter(dueTimes[0]!, -1), ...dueTimes, hoursAfter(dueTimes.at(-1)!, 1)]) {
        expect(await store.cases.due(now, 100)).toEqual(expectedDue(states, now))
      }
      const all = await store.cases.due(hoursAfter(dueTimes.at(-1)!, 1), 100)
      expect(all.map((d) => d.id)).toEqual(expect.arrayContaining(['c-a', 'c-b']))
      expect(all.findIndex((d) => d.id === 'c-a')).toBe(all.findIndex((d) => d.id === 'c-b') - 1)
      expect(all.map((d) => d.id)).not.toEqual(expect.arrayContaining(['c-closed']))
      expect(all.map((d) => d.id)).not.toEqual(expect.arrayContaining(['c-withdrawn']))
    })

    test('due: a cursor resumes strictly after the last (dueAt, id), also across ties', async () => {
      const store = current()
      // Three arrivals, four cases each: ties at every due instant.
      const histories = [0, 1, 2].flatMap((h) =>
        ['d', 'b', 'a', 'c'].map((s) => submitted(`c-${h}-${s}`, { at: hoursAfter(T0, h) })),
      )
      await createAll(store, histories)
      const now = hoursAfter(T0, 24 * 365)
      const expected = expectedDue(
        histories.map((h) => h.state),
        now,
      )
      const paged: DueCursor[] = []
      let after: DueCursor | undefined
      for (;;) {
        const page = await store.cases.due(now, 5, after)
        paged.push(...page)
        if (page.length < 5) break
        after = page[page.length - 1]
      }
      expect(paged).toEqual(expected)
      expect(await store.cases.due(now, 5, expected.at(-1))).toEqual([])
    })

    test('due follows every write: accepting moves the due instant, closing removes it', async () => {
      const store = current()
      const h1 = submitted('case-1')
      await store.cases.create(h1.state, h1.events)
      const acceptBy = nextDue(h1.state)!.at
      expect(await store.cases.due(acceptBy, 10)).toEqual([{ id: 'case-1', dueAt: acceptBy }])

      const h2 = accepted(h1)
      await store.cases.update(h2.state, 1, h2.events.slice(1))
      const resolveBy = nextDue(h2.state)!.at
      expect(resolveBy > acceptBy).toBe(true)
      expect(await store.cases.due(acceptBy, 10)).toEqual([])
      expect(await store.cases.due(resolveBy, 10)).toEqual([{ id: 'case-1', dueAt: resolveBy }])

      const h3 = step(h2, { type: 'WithdrawCase', at: hoursAfter(h2.at, 1), actor: REPORTER })
      await store.cases.update(h3.state, 2, h3.events.slice(h2.events.length))
      expect(await store.cases.due('9999-12-31T00:00:00.000Z', 10)).toEqual([])
    })

    test('heldBy: the holders’ cases, newest change first, optionally by status, up to the limit', async () => {
      const store = current()
      const t = (h: number) => hoursAfter(T0, h)
      const histories = [
        submitted('v1-old', { at: t(0), village: 'v-1' }),
        aCase({ submit: { caseId: 'v1-taken', at: t(1), chain: aChain({ village: 'v-1' }) }, status: 'in_progress' }),
        submitted('v1-new', { at: t(5), village: 'v-1' }),
        submitted('v2', { at: t(3), village: 'v-2' }),
        submitted('v3', { at: t(4), village: 'v-3' }),
        aCase({ submit: { caseId: 'township', at: t(2), chain: aChain({ village: 'v-1' }) }, level: 'township' }),
      ]
      await createAll(store, histories)

      expect(ids(await store.cases.heldBy(['v-1'], undefined, 10))).toEqual(['v1-new', 'v1-taken', 'v1-old'])
      expect(ids(await store.cases.heldBy(['v-1'], ['pending'], 10))).toEqual(['v1-new', 'v1-old'])
      expect(ids(await store.cases.heldBy(['v-1'], ['in_progress', 'resolved'], 10))).toEqual(['v1-taken'])
      expect(ids(await store.cases.heldBy(['v-1', 'v-2'], undefined, 2))).toEqual(['v1-new', 'v2'])
      expect(ids(await store.cases.heldBy([aChain().township], undefined, 10))).toEqual(['township'])
      expect(await store.cases.heldBy([], undefined, 10)).toEqual([])
      expect(await store.cases.heldBy(['v-nobody'], undefined, 10)).toEqual([])
      const [newest] = await store.cases.heldBy(['v-1'], undefined, 1)
      expect(newest).toEqual(histories[2]!.state)
    })

    test('reportedBy: her cases, newest change first, up to the limit', async () => {
      const store = current()
      const t = (h: number) => hoursAfter(T0, h)
      const h1 = submitted('mine-1', { at: t(0) })
      const h2 = submitted('mine-2', { at: t(1) })
      const theirs = submitted('theirs', { at: t(2), reporter: 'o-neighbour' })
      await createAll(store, [h1, h2, theirs])
      expect(ids(await store.cases.reportedBy(REPORTER.openid, 10))).toEqual(['mine-2', 'mine-1'])

      // A later change moves a case to the front.
      const h1b = step(h1, { type: 'AcceptCase', at: t(3), actor: holderOf(h1.state) })
      await store.cases.update(h1b.state, 1, h1b.events.slice(1))
      expect(ids(await store.cases.reportedBy(REPORTER.openid, 10))).toEqual(['mine-1', 'mine-2'])
      expect(await store.cases.reportedBy(REPORTER.openid, 1)).toEqual([h1b.state])
      expect(ids(await store.cases.reportedBy('o-neighbour', 10))).toEqual(['theirs'])
      expect(await store.cases.reportedBy('o-nobody', 10)).toEqual([])
    })

    test(
      'lists page past the 100-row default and the 1000-row cap of a single read',
      async () => {
        const store = current()
        // Ten arrival times: many ties, and ids that do not sort in creation order.
        const histories = Array.from({ length: 1150 }, (_, i) =>
          submitted(`bulk-${String((i * 7919) % 1150).padStart(4, '0')}`, { at: hoursAfter(T0, i % 10) }),
        )
        await createAll(store, histories)
        const now = hoursAfter(T0, 24 * 365)
        const expected = expectedDue(
          histories.map((h) => h.state),
          now,
        )
        expect(expected).toHaveLength(1150)

        const first = await store.cases.due(now, 1100)
        expect(first).toEqual(expected.slice(0, 1100))
        expect(await store.cases.due(now, 1100, first.at(-1))).toEqual(expected.slice(1100))
        expect(await store.cases.due(now, 150)).toEqual(expected.slice(0, 150))

        const held = await store.cases.heldBy([aChain().village], ['pending'], 1100)
        expect(held).toHaveLength(1100)
        expect(new Set(ids(held)).size).toBe(1100)
        const times = held.map((s) => s.updatedAt)
        expect(times).toEqual([...times].sort().reverse())
        expect(await store.cases.reportedBy(REPORTER.openid, 2000)).toHaveLength(1150)
        expect(await store.cases.reportedBy(REPORTER.openid, 150)).toHaveLength(150)
      },
      120_000,
    )
  })
}
