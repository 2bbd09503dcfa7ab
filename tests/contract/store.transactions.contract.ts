/**
 * Transactions across repositories: what the case service relies on when it saves a case with its
 * messages (docs/ARCHITECTURE.md: load, decide, save in one transaction with the outbox rows).
 */
import { VersionConflict, type Store } from '../../cloudfunctions/_shared/ports/store.port'
import { nextDue } from '../../cloudfunctions/_shared/domain/case.timers'
import { REPORTER, T0, holderOf, hoursAfter, step } from '../unit/domain/case.builders'
import { submitted } from './store.cases.contract'
import { aMessage } from './store.messages.contract'

const ids = (records: { id: string }[]) => records.map((r) => r.id)

export function transactionsContract(current: () => Store) {
  describe('transactions across cases and messages', () => {
    test('a case, its messages and its contact commit together', async () => {
      const store = current()
      const h = submitted('case-1')
      const result = await store.transaction(async (tx) => {
        const created = await tx.cases.create(h.state, h.events, 'req-1')
        await tx.messages.add([aMessage('m1'), aMessage('m2', { openid: 'o-convener' })])
        await tx.contacts.put({ caseId: 'case-1', address: '和睦村3组', createdAt: h.at })
        return created
      })
      expect(result).toEqual({ created: true, id: 'case-1' })
      expect(await store.cases.get('case-1')).toEqual({ state: h.state, version: 1 })
      expect(await store.cases.timeline('case-1')).toEqual(h.events)
      expect(await store.messages.all(10)).toHaveLength(2)
      expect(await store.contacts.get('case-1')).toEqual({ caseId: 'case-1', address: '和睦村3组', createdAt: h.at })
    })

    test('a transaction that throws leaves no case, event, message or request guard behind', async () => {
      const store = current()
      const h = submitted('case-1')
      await expect(
        store.transaction(async (tx) => {
          await tx.cases.create(h.state, h.events, 'req-1')
          await tx.messages.add([aMessage('m1')])
          await tx.contacts.put({ caseId: 'case-1', createdAt: h.at })
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.cases.get('case-1')).toBeNull()
      expect(await store.cases.timeline('case-1')).toEqual([])
      expect(await store.messages.get('m1')).toBeNull()
      expect(await store.contacts.get('case-1')).toBeNull()
      // Neither the clientRequestId nor the dedupeKey was spent.
      expect(await store.cases.create(h.state, h.events, 'req-1')).toEqual({ created: true, id: 'case-1' })
      expect(await store.messages.add([aMessage('m1')])).toBe(1)
    })

    test('a VersionConflict inside a transaction undoes the messages written before it', async () => {
      const store = current()
      const h1 = submitted('case-1')
      await store.cases.create(h1.state, h1.events)
      const h2 = step(h1, { type: 'AcceptCase', at: hoursAfter(h1.at, 1), actor: holderOf(h1.state) })
      await store.cases.update(h2.state, 1, h2.events.slice(1))

      const late = step(h1, { type: 'WithdrawCase', at: hoursAfter(h1.at, 2), actor: REPORTER })
      await expect(
        store.transaction(async (tx) => {
          await tx.messages.add([aMessage('m-withdrawn')])
          await tx.cases.update(late.state, 1, late.events.slice(1))
        }),
      ).rejects.toBeInstanceOf(VersionConflict)
      expect(await store.messages.get('m-withdrawn')).toBeNull()
      expect(await store.cases.get('case-1')).toEqual({ state: h2.state, version: 2 })
    })

    test('inside a transaction, reads by id see its own writes', async () => {
      const store = current()
      const h = submitted('case-1')
      await store.transaction(async (tx) => {
        await tx.cases.create(h.state, h.events)
        expect(await tx.cases.get('case-1')).toEqual({ state: h.state, version: 1 })
        await tx.messages.add([aMessage('m1')])
        expect(await tx.messages.get('m1')).toEqual(aMessage('m1'))
      })
    })

    test('inside a transaction, a case read and then updated twice reads back each version', async () => {
      const store = current()
      const h1 = submitted('case-1')
      await store.cases.create(h1.state, h1.events)
      const h2 = step(h1, { type: 'AcceptCase', at: hoursAfter(h1.at, 1), actor: holderOf(h1.state) })
      await store.transaction(async (tx) => {
        expect(await tx.cases.get('case-1')).toEqual({ state: h1.state, version: 1 })
        await tx.cases.update(h2.state, 1, h2.events.slice(1))
        expect(await tx.cases.get('case-1')).toEqual({ state: h2.state, version: 2 })
        // The version it read before its own write is no longer the case's.
        await expect(tx.cases.update(h2.state, 1, [])).rejects.toBeInstanceOf(VersionConflict)
      })
      expect(await store.cases.get('case-1')).toEqual({ state: h2.state, version: 2 })
      expect(await store.cases.timeline('case-1')).toEqual(h2.events)
    })

    test('inside a transaction, every query answers from what was committed before it', async () => {
      // Whether a query also sees the transaction's own writes differs by adapter (CloudBase runs
      // queries outside the transaction), so only earlier data is asked about.
      const store = current()
      const h = submitted('case-1')
      await store.orgs.put({ id: 'p', name: '江苏省', level: 'province', parentId: null })
      await store.people.bind({ openid: 'o-convener', role: 'convener', orgId: h.state.holderOrgId })
      await store.cases.create(h.state, h.events)
      await store.messages.add([aMessage('m1')])
      const seen = await store.transaction(async (tx) => ({
        children: (await tx.orgs.children(null)).map((o) => o.id),
        all: (await tx.orgs.all()).length,
        parents: [...(await tx.orgs.withChildren(['p']))],
        roles: await tx.people.rolesOf('o-convener'),
        conveners: (await tx.people.withRole(h.state.holderOrgId, 'convener')).length,
        timeline: await tx.cases.timeline('case-1'),
        due: await tx.cases.due('9999-12-31T00:00:00.000Z', 10),
        held: ids(await tx.cases.heldBy([h.state.holderOrgId], undefined, 10)),
        reported: ids(await tx.cases.reportedBy(REPORTER.openid, 10)),
        pending: ids(await tx.messages.duePending('9999-12-31T00:00:00.000Z', 10)),
        inbox: ids(await tx.messages.forRecipient('o-reporter', 10)),
        outbox: ids(await tx.messages.all(10)),
      }))
      expect(seen).toEqual({
        children: ['p'],
        all: 1,
        parents: [],
        roles: [{ openid: 'o-convener', role: 'convener', orgId: h.state.holderOrgId }],
        conveners: 1,
        timeline: h.events,
        // Its first timer: the 临期提醒 before the accept deadline (case.timers.ts).
        due: [{ id: 'case-1', dueAt: nextDue(h.state)!.at }],
        held: ['case-1'],
        reported: ['case-1'],
        pending: ['m1'],
        inbox: ['m1'],
        outbox: ['m1'],
      })
    })

    test('two services racing on one case: one saves, the other gets a VersionConflict', async () => {
      const store = current()
      const h1 = submitted('case-1')
      await store.cases.create(h1.state, h1.events)
      const accept = step(h1, { type: 'AcceptCase', at: hoursAfter(h1.at, 1), actor: holderOf(h1.state) })
      const withdraw = step(h1, { type: 'WithdrawCase', at: hoursAfter(h1.at, 1), actor: REPORTER })

      // Both decided on version 1; whichever commits second must find its decision stale.
      const outcomes = await Promise.allSettled(
        [accept, withdraw].map((next, i) =>
          store.transaction(async (tx) => {
            await tx.cases.update(next.state, 1, next.events.slice(1))
            await tx.messages.add([aMessage(`m${i}`, { dedupeKey: `case-1@2:${i}` })])
          }),
        ),
      )
      const won = outcomes.findIndex((o) => o.status === 'fulfilled')
      const lost = outcomes.find((o) => o.status === 'rejected')
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
      expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict)
      const winner = [accept, withdraw][won]!
      expect(await store.cases.get('case-1')).toEqual({ state: winner.state, version: 2 })
      expect(await store.cases.timeline('case-1')).toEqual(winner.events)
      expect(ids(await store.messages.all(10))).toEqual([`m${won}`])
    })
  })

  describe('contacts', () => {
    test('put replaces, get reads, remove deletes', async () => {
      const store = current()
      await store.contacts.put({ caseId: 'case-1', phoneCipher: 'v1:abc', address: '和睦村', createdAt: T0 })
      await store.contacts.put({ caseId: 'case-1', phoneCipher: 'v1:def', createdAt: T0 })
      const stored = await store.contacts.get('case-1')
      expect(stored).toEqual({ caseId: 'case-1', phoneCipher: 'v1:def', createdAt: T0 })
      expect(stored).not.toHaveProperty('address')
      expect(await store.contacts.get('case-2')).toBeNull()
      await store.contacts.remove('case-1')
      await store.contacts.remove('case-2')
      expect(await store.contacts.get('case-1')).toBeNull()
    })
  })
}
