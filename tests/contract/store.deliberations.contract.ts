/**
 * The deliberation repositories' promises (deliberations, ballots, comments, council groups), for
 * every Store adapter. Deliberations are built through the real decider, so every stored state is
 * one the rules can reach.
 */
import { ballotAfter, decide, evolve } from '../../cloudfunctions/_shared/domain/deliberation.decider'
import { countBallots, type Ballot, type DeliberationComment, type DeliberationEvent, type DeliberationState } from '../../cloudfunctions/_shared/domain'
import { VersionConflict, type DueCursor, type Store } from '../../cloudfunctions/_shared/ports/store.port'
import { aChain, aPerson } from '../unit/domain/case.builders'
import { ELECTORATE, T0, anOpen, daysAfter, hoursAfter } from '../unit/domain/deliberation.builders'

/** A deliberation opened at `at` by the convener of `village`, closing `hours` later. */
function aDeliberation(id: string, o: { village?: string; at?: string; hours?: number } = {}): DeliberationState {
  const village = o.village ?? 'v-hemu'
  const at = o.at ?? T0
  const events = decide(
    anOpen({
      deliberationId: id,
      orgId: village,
      chain: aChain({ village }),
      actor: aPerson(`o-convener-${village}`, { role: 'convener', orgId: village }),
      at,
      closesAt: hoursAfter(at, o.hours ?? 72),
    }),
    null,
  )
  if (!events.ok) throw new Error(events.error.message)
  return events.events.reduce<DeliberationState | null>(evolve, null)!
}

function applied(state: DeliberationState, ...events: DeliberationEvent[]): DeliberationState {
  return events.reduce<DeliberationState>(evolve, state)
}

const closed = (state: DeliberationState, at = hoursAfter(state.openedAt, 1)): DeliberationState =>
  applied(state, { type: 'DeliberationClosed', at, result: { kind: 'no_quorum' }, counts: state.counts, ballotCount: state.ballotCount })

const reminded = (state: DeliberationState): DeliberationState => applied(state, { type: 'VotersReminded', at: state.remindAt })

function aBallot(deliberationId: string, voterOpenid: string, choices: number[], overrides: Partial<Ballot> = {}): Ballot {
  return { deliberationId, voterOpenid, choices, castAt: T0, history: [], changes: 0, ...overrides }
}

function aComment(id: string, deliberationId: string, at: string): DeliberationComment {
  return { id, deliberationId, authorOpenid: 'o-li', authorName: '李桂芳', authorRole: 'member', text: `意见 ${id}`, at }
}

const ids = (states: DeliberationState[]) => states.map((s) => s.id)

/** Pages through a due query by cursor, five at a time. */
async function pageAll(query: (limit: number, after?: DueCursor) => Promise<DueCursor[]>): Promise<DueCursor[]> {
  const out: DueCursor[] = []
  let after: DueCursor | undefined
  for (;;) {
    const page = await query(5, after)
    out.push(...page)
    if (page.length < 5) return out
    after = page[page.length - 1]
  }
}

export function deliberationsContract(current: () => Store) {
  describe('deliberations', () => {
    test('create stores version 1 once; get reads it back', async () => {
      const store = current()
      const d = aDeliberation('d-1')
      expect(await store.deliberations.create(d)).toBe(true)
      expect(await store.deliberations.get('d-1')).toEqual({ state: d, version: 1 })
      expect(await store.deliberations.create({ ...d, title: '另一个' })).toBe(false)
      expect(await store.deliberations.get('d-1')).toEqual({ state: d, version: 1 })
      expect(await store.deliberations.get('d-2')).toBeNull()
    })

    test('update writes the new state at the expected version; a stale or missing one is a VersionConflict', async () => {
      const store = current()
      const d = aDeliberation('d-1')
      await store.deliberations.create(d)
      const voted = applied(d, { type: 'BallotCast', at: hoursAfter(T0, 1), by: { openid: 'o-li', role: 'member' }, voterOpenid: 'o-li', choices: [1], replaced: null })
      await store.deliberations.update(voted, 1)
      expect(await store.deliberations.get('d-1')).toEqual({ state: voted, version: 2 })
      await expect(store.deliberations.update(closed(d), 1)).rejects.toBeInstanceOf(VersionConflict)
      expect(await store.deliberations.get('d-1')).toEqual({ state: voted, version: 2 })
      await expect(store.deliberations.update(aDeliberation('ghost'), 1)).rejects.toBeInstanceOf(VersionConflict)
      expect(await store.deliberations.get('ghost')).toBeNull()
    })

    test('in one transaction: read, updated, read again and updated again, each read as the transaction left it', async () => {
      const store = current()
      const d = aDeliberation('d-1')
      const voted = applied(d, { type: 'BallotCast', at: hoursAfter(T0, 1), by: { openid: 'o-li', role: 'member' }, voterOpenid: 'o-li', choices: [1], replaced: null })
      const fresh = aDeliberation('d-new')
      await store.deliberations.create(d)
      await store.transaction(async (tx) => {
        expect(await tx.deliberations.get('d-1')).toEqual({ state: d, version: 1 })
        await tx.deliberations.update(voted, 1)
        expect(await tx.deliberations.get('d-1')).toEqual({ state: voted, version: 2 })
        await expect(tx.deliberations.update(closed(d), 1)).rejects.toBeInstanceOf(VersionConflict)
        await tx.deliberations.update(closed(voted), 2)
        // One created in the transaction after it was looked for (and not found) is there to update.
        expect(await tx.deliberations.get('d-new')).toBeNull()
        expect(await tx.deliberations.create(fresh)).toBe(true)
        expect(await tx.deliberations.create(fresh)).toBe(false)
        await tx.deliberations.update(closed(fresh), 1)
      })
      expect(await store.deliberations.get('d-1')).toEqual({ state: closed(voted), version: 3 })
      expect(await store.deliberations.get('d-new')).toEqual({ state: closed(fresh), version: 2 })
    })

    test('ofOrgs: the orgs’ deliberations, newest opened first, optionally by status, up to the limit', async () => {
      const store = current()
      const a1 = aDeliberation('a-1', { village: 'v-a', at: hoursAfter(T0, 1) })
      const a2 = closed(aDeliberation('a-2', { village: 'v-a', at: hoursAfter(T0, 3) }))
      const a3 = aDeliberation('a-3', { village: 'v-a', at: hoursAfter(T0, 5) })
      const b1 = aDeliberation('b-1', { village: 'v-b', at: hoursAfter(T0, 4) })
      const c1 = aDeliberation('c-1', { village: 'v-c', at: hoursAfter(T0, 6) })
      for (const d of [a1, a2, a3, b1, c1]) await store.deliberations.create(d)

      expect(ids(await store.deliberations.ofOrgs(['v-a'], undefined, 10))).toEqual(['a-3', 'a-2', 'a-1'])
      expect(ids(await store.deliberations.ofOrgs(['v-a'], 'open', 10))).toEqual(['a-3', 'a-1'])
      expect(ids(await store.deliberations.ofOrgs(['v-a'], 'closed', 10))).toEqual(['a-2'])
      expect(ids(await store.deliberations.ofOrgs(['v-a', 'v-b'], undefined, 3))).toEqual(['a-3', 'b-1', 'a-2'])
      expect(ids(await store.deliberations.ofOrgs(['v-a'], 'open', 1))).toEqual(['a-3'])
      expect(await store.deliberations.ofOrgs([], undefined, 10)).toEqual([])
      expect((await store.deliberations.ofOrgs(['v-a'], 'closed', 10))[0]).toEqual(a2)
    })

    const byDue = (a: DueCursor, b: DueCursor) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1)

    test('due: reminded ones at their deadline, by (dueAt, id), never closed ones; a cursor resumes across ties', async () => {
      const store = current()
      // Three deadlines, four deliberations each (ties), already reminded; one closed early; one far in the future.
      const due = [0, 1, 2].flatMap((h) => ['d', 'b', 'a', 'c'].map((s) => reminded(aDeliberation(`d-${h}-${s}`, { at: hoursAfter(T0, h) }))))
      const closedEarly = closed(aDeliberation('d-closed'))
      const later = aDeliberation('d-later', { hours: 24 * 20 })
      for (const d of [...due, closedEarly, later]) await store.deliberations.create(d)

      const now = hoursAfter(T0, 72 + 2)
      const expected = due.map((d) => ({ id: d.id, dueAt: d.closesAt })).sort(byDue)
      expect(await store.deliberations.due(now, 100)).toEqual(expected)
      expect(await pageAll((limit, after) => store.deliberations.due(now, limit, after))).toEqual(expected)
      expect(await store.deliberations.due(hoursAfter(T0, 72), 100)).toEqual(expected.slice(0, 4))
      expect(await store.deliberations.due(hoursAfter(T0, 71), 100)).toEqual([])

      // Closing one takes it off the list.
      await store.deliberations.update(closed(due[0]!, hoursAfter(T0, 72)), 1)
      expect((await store.deliberations.due(now, 100)).map((d) => d.id)).not.toContain(due[0]!.id)
    })

    test('due: one owed its reminder at the reminder’s time, then (reminded) at its deadline; with a cursor', async () => {
      const store = current()
      const owed = [0, 1].flatMap((h) => ['b', 'a', 'c'].map((s) => aDeliberation(`r-${h}-${s}`, { at: hoursAfter(T0, h) })))
      const done = reminded(aDeliberation('r-done'))
      const shut = closed(aDeliberation('r-closed'))
      for (const d of [...owed, done, shut]) await store.deliberations.create(d)

      const now = daysAfter(T0, 2.5)
      const expected = owed.map((d) => ({ id: d.id, dueAt: d.remindAt })).sort(byDue)
      expect(await store.deliberations.due(now, 100)).toEqual(expected)
      expect(await pageAll((limit, after) => store.deliberations.due(now, limit, after))).toEqual(expected)
      expect(await store.deliberations.due(hoursAfter(owed[0]!.remindAt, -1), 100)).toEqual([])

      await store.deliberations.update(reminded(owed[0]!), 1)
      expect((await store.deliberations.due(now, 100)).map((d) => d.id)).not.toContain(owed[0]!.id)
      const atDeadline = await store.deliberations.due(owed[0]!.closesAt, 100)
      expect(atDeadline).toContainEqual({ id: owed[0]!.id, dueAt: owed[0]!.closesAt })
      expect(atDeadline).toContainEqual({ id: done.id, dueAt: done.closesAt })
      expect(atDeadline.map((d) => d.id)).not.toContain(shut.id)
    })
  })

  describe('ballots', () => {
    test('one per (deliberation, voter): put creates or replaces; get and of read them', async () => {
      const store = current()
      const proxied = aBallot('d-1', 'o-yang', [0], { proxy: { byOpenid: 'o-convener', byName: '王秀兰', note: '电话确认' } })
      await store.ballots.put(aBallot('d-1', 'o-li', [1]))
      await store.ballots.put(proxied)
      await store.ballots.put(aBallot('d-2', 'o-li', [0]))
      expect(await store.ballots.get('d-1', 'o-yang')).toEqual(proxied)
      expect(await store.ballots.get('d-1', 'o-zhang')).toBeNull()

      // Her own vote replaces the proxy ballot: the proxy note is gone from the ballot, kept in history.
      const own = ballotAfter('d-1', proxied, { type: 'BallotCast', at: hoursAfter(T0, 2), by: { openid: 'o-yang', role: 'member' }, voterOpenid: 'o-yang', choices: [2], replaced: [0] })
      await store.ballots.put(own)
      expect(await store.ballots.get('d-1', 'o-yang')).toEqual(own)
      expect(own.proxy).toBeUndefined()
      expect(await store.ballots.of('d-1')).toEqual([aBallot('d-1', 'o-li', [1]), own])
      expect(await store.ballots.of('d-3')).toEqual([])
    })
  })

  describe('comments', () => {
    test('latest: the newest comments, returned oldest first; an id is stored once', async () => {
      const store = current()
      const comments = [3, 0, 2, 1, 4].map((h) => aComment(`c-${h}`, 'd-1', hoursAfter(T0, h)))
      for (const c of comments) await store.comments.add(c)
      await store.comments.add({ ...comments[0]!, text: '改过的' })
      await store.comments.add(aComment('other', 'd-2', T0))
      expect((await store.comments.latest('d-1', 10)).map((c) => c.id)).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4'])
      expect((await store.comments.latest('d-1', 2)).map((c) => c.id)).toEqual(['c-3', 'c-4'])
      expect((await store.comments.latest('d-1', 10))[3]).toEqual(comments[0])
      expect(await store.comments.latest('d-9', 10)).toEqual([])
    })
  })

  describe('council groups', () => {
    test('put, get by openGId, the groups of a council', async () => {
      const store = current()
      const g1 = { openGId: 'g-1', orgId: 'v-a', boundBy: 'o-convener', boundAt: T0 }
      const g2 = { openGId: 'g-2', orgId: 'v-a', boundBy: 'o-convener', boundAt: T0 }
      await store.councilGroups.put(g2)
      await store.councilGroups.put(g1)
      await store.councilGroups.put({ openGId: 'g-3', orgId: 'v-b', boundBy: 'o-x', boundAt: T0 })
      expect(await store.councilGroups.get('g-1')).toEqual(g1)
      expect(await store.councilGroups.get('g-9')).toBeNull()
      expect(await store.councilGroups.ofOrg('v-a')).toEqual([g1, g2])
      await store.councilGroups.put({ ...g1, orgId: 'v-b', boundAt: hoursAfter(T0, 1) })
      expect((await store.councilGroups.ofOrg('v-a')).map((g) => g.openGId)).toEqual(['g-2'])
      expect(await store.councilGroups.get('g-1')).toMatchObject({ orgId: 'v-b' })
    })
  })

  test('ballots cast at once, each with its counts in the same transaction, keep the counts exact', async () => {
    const store = current()
    const d = aDeliberation('d-busy')
    await store.deliberations.create(d)
    const voters = [...ELECTORATE.map((e) => e.openid), ...ELECTORATE.map((e) => e.openid)]
    const cast = async (voterOpenid: string, choice: number) => {
      for (;;) {
        try {
          return await store.transaction(async (tx) => {
            const stored = (await tx.deliberations.get('d-busy'))!
            const mine = await tx.ballots.get('d-busy', voterOpenid)
            const event: DeliberationEvent = {
              type: 'BallotCast',
              at: hoursAfter(T0, 1),
              by: { openid: voterOpenid, role: 'member' },
              voterOpenid,
              choices: [choice],
              replaced: mine ? mine.choices : null,
            }
            await tx.ballots.put(ballotAfter('d-busy', mine, event))
            await tx.deliberations.update(evolve(stored.state, event), stored.version)
          })
        } catch (error) {
          if (!(error instanceof VersionConflict)) throw error
        }
      }
    }
    await Promise.all(voters.map((voter, i) => cast(voter, i % 3)))
    const stored = (await store.deliberations.get('d-busy'))!
    const ballots = await store.ballots.of('d-busy')
    expect(ballots).toHaveLength(ELECTORATE.length)
    expect(stored.state.ballotCount).toBe(ELECTORATE.length)
    expect(stored.state.counts).toEqual(countBallots(ballots.map((b) => b.choices), 3))
    expect(stored.version).toBe(1 + voters.length)
  })
}
