/** The message repository's promises (outbox and message centre), for every Store adapter. */
import type { MessageRecord, Store } from '../../cloudfunctions/_shared/ports/store.port'
import { T0, hoursAfter } from '../unit/domain/case.builders'

const at = (hours: number) => hoursAfter(T0, hours)

export function aMessage(id: string, overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    id,
    dedupeKey: `key-${id}`,
    openid: 'o-reporter',
    kind: 'case_received',
    title: '反映已提交',
    body: '您反映的“村口路灯坏了三个月”已提交。',
    page: '/pages/case/index?id=case-1',
    caseId: 'case-1',
    // What 消息 groups it under: lost here, her messages group by the bare case number.
    subject: 'AB12CD34 村口路灯坏了三个月',
    // The template's field values: lost here, the subscription message goes out blank.
    slots: { subject: '村口路灯坏了三个月', status: '已提交', org: '蒲河村' },
    createdAt: at(0),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at(0),
    ...overrides,
  }
}

const ids = (messages: MessageRecord[]) => messages.map((m) => m.id)

export function messagesContract(current: () => Store) {
  describe('messages', () => {
    test('add stores new messages and answers how many; get reads one back', async () => {
      const store = current()
      const m1 = aMessage('m1')
      const m2 = aMessage('m2', { caseId: undefined, deliberationId: 'd-1', kind: 'deliberation_invited' })
      expect(await store.messages.add([m1, m2])).toBe(2)
      expect(await store.messages.get('m1')).toEqual(m1)
      expect(await store.messages.get('m2')).toEqual(m2)
      expect(await store.messages.get('m3')).toBeNull()
      expect(await store.messages.add([])).toBe(0)
    })

    test('a message whose dedupeKey exists is skipped, within a batch and across batches', async () => {
      const store = current()
      const first = aMessage('m1', { dedupeKey: 'k' })
      expect(await store.messages.add([first, aMessage('m2', { dedupeKey: 'k' }), aMessage('m3')])).toBe(2)
      expect(await store.messages.add([aMessage('m4', { dedupeKey: 'k', title: '另一条' })])).toBe(0)
      expect(await store.messages.get('m2')).toBeNull()
      expect(await store.messages.get('m4')).toBeNull()
      expect(await store.messages.get('m1')).toEqual(first)
      expect(ids(await store.messages.all(10))).toEqual(['m1', 'm3'])
    })

    test('freshKeys: a key stored earlier in the same transaction is still skipped', async () => {
      const store = current()
      const counts = await store.transaction(async (tx) => [
        await tx.messages.add([aMessage('m1', { dedupeKey: 'k' })], { freshKeys: true }),
        await tx.messages.add([aMessage('m2', { dedupeKey: 'k' }), aMessage('m3', { dedupeKey: 'k3' })], { freshKeys: true }),
      ])
      expect(counts).toEqual([1, 1])
      expect(ids(await store.messages.all(10))).toEqual(['m1', 'm3'])
      // Outside a transaction, and for keys stored before, the store still looks.
      expect(await store.messages.add([aMessage('m4', { dedupeKey: 'k' })], { freshKeys: true })).toBe(0)
      expect(await store.messages.get('m4')).toBeNull()
    })

    test('concurrent adds of the same message store it once', async () => {
      const store = current()
      const counts = await Promise.all(
        ['m1', 'm2', 'm3', 'm4'].map((id) => store.messages.add([aMessage(id, { dedupeKey: 'same' })])),
      )
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1)
      expect(await store.messages.all(10)).toHaveLength(1)
    })

    test('duePending: pending messages whose time has come, oldest first, up to the limit', async () => {
      const store = current()
      await store.messages.add([
        aMessage('later', { nextAttemptAt: at(3) }),
        aMessage('b', { nextAttemptAt: at(1) }),
        aMessage('a', { nextAttemptAt: at(1) }),
        aMessage('first', { nextAttemptAt: at(0) }),
        aMessage('sent', { status: 'sent', sentAt: at(0), attempts: 1, nextAttemptAt: at(0) }),
        aMessage('inbox', { status: 'inbox_only', nextAttemptAt: at(0) }),
        aMessage('failed', { status: 'failed', attempts: 5, lastError: '43101', nextAttemptAt: at(0) }),
        // A claim whose lease ran out (the run died mid-send) is due again; one still leased is not.
        aMessage('stale-claim', { status: 'sending', attempts: 1, nextAttemptAt: at(1) }),
        aMessage('live-claim', { status: 'sending', attempts: 1, nextAttemptAt: at(5) }),
      ])
      expect(ids(await store.messages.duePending(at(2), 10))).toEqual(['first', 'a', 'b', 'stale-claim'])
      expect(ids(await store.messages.duePending(at(2), 2))).toEqual(['first', 'a'])
      expect(ids(await store.messages.duePending(at(3), 10))).toEqual(['first', 'a', 'b', 'stale-claim', 'later'])
      expect(await store.messages.duePending(hoursAfter(T0, -1), 10)).toEqual([])
    })

    test('put replaces the delivery fields only, and never creates a message', async () => {
      const store = current()
      const m = aMessage('m1', { lastError: 'timeout', attempts: 1 })
      await store.messages.add([m])

      const sent: MessageRecord = { ...m, status: 'sent', attempts: 2, sentAt: at(1), lastError: undefined }
      await store.messages.put({ ...sent, title: '改过的标题', body: '改过的内容' })
      const stored = await store.messages.get('m1')
      expect(stored).toEqual(sent)
      expect(stored).not.toHaveProperty('lastError')
      expect(await store.messages.duePending(at(9), 10)).toEqual([])

      await store.messages.put({ ...sent, readAt: at(2) })
      expect(await store.messages.get('m1')).toEqual({ ...sent, readAt: at(2) })

      await store.messages.put(aMessage('ghost'))
      expect(await store.messages.get('ghost')).toBeNull()
    })

    test('updateIf changes the delivery fields only while status and nextAttemptAt are as expected', async () => {
      const store = current()
      const m = aMessage('m1', { lastError: 'timeout' })
      await store.messages.add([m])
      await store.messages.put({ ...m, readAt: at(1) })
      const claim = { status: 'sending', attempts: 1, nextAttemptAt: at(2) } as const
      expect(await store.messages.updateIf('m1', m, claim)).toBe(true)
      // A second run with the same reading changes nothing: the claim is the first one's.
      expect(await store.messages.updateIf('m1', m, { status: 'inbox_only' })).toBe(false)
      expect(await store.messages.get('m1')).toEqual({ ...m, ...claim, readAt: at(1) })
      // undefined removes a field; readAt and the message itself stay.
      expect(await store.messages.updateIf('m1', { status: 'sending', nextAttemptAt: at(2) }, { status: 'sent', sentAt: at(1), lastError: undefined })).toBe(true)
      const sent = await store.messages.get('m1')
      expect(sent).toEqual({ ...m, ...claim, status: 'sent', sentAt: at(1), readAt: at(1), lastError: undefined })
      expect(sent).not.toHaveProperty('lastError')
      expect(await store.messages.updateIf('ghost', m, { status: 'sent' })).toBe(false)
      expect(await store.messages.get('ghost')).toBeNull()
    })

    test('concurrent updateIf with the same expectation: exactly one wins', async () => {
      const store = current()
      const m = aMessage('m1')
      await store.messages.add([m])
      const won = await Promise.all(
        ['a', 'b', 'c', 'd'].map((run) => store.messages.updateIf('m1', m, { status: 'sending', attempts: 1, nextAttemptAt: at(1), lastError: run })),
      )
      expect(won.filter(Boolean)).toHaveLength(1)
      expect((await store.messages.get('m1'))?.lastError).toBe(['a', 'b', 'c', 'd'][won.indexOf(true)])
    })

    test('markRead sets the read mark alone, on a message that exists', async () => {
      const store = current()
      const m = aMessage('m1')
      await store.messages.add([m])
      // Claimed by a delivery after her message centre read it.
      const claim = { status: 'sending', attempts: 1, nextAttemptAt: at(2) } as const
      await store.messages.updateIf('m1', m, claim)
      await store.messages.markRead('m1', at(1))
      expect(await store.messages.get('m1')).toEqual({ ...m, ...claim, readAt: at(1) })
      await store.messages.markRead('ghost', at(1))
      expect(await store.messages.get('ghost')).toBeNull()
    })

    test('forRecipient: her messages, newest first, up to the limit', async () => {
      const store = current()
      await store.messages.add([
        aMessage('m-old', { createdAt: at(0) }),
        aMessage('m-new', { createdAt: at(2) }),
        aMessage('m-mid', { createdAt: at(1) }),
        aMessage('theirs', { createdAt: at(3), openid: 'o-neighbour' }),
      ])
      expect(ids(await store.messages.forRecipient('o-reporter', 10))).toEqual(['m-new', 'm-mid', 'm-old'])
      expect(ids(await store.messages.forRecipient('o-reporter', 2))).toEqual(['m-new', 'm-mid'])
      expect(ids(await store.messages.forRecipient('o-neighbour', 10))).toEqual(['theirs'])
      expect(await store.messages.forRecipient('o-nobody', 10)).toEqual([])
    })

    test('all: every message, oldest first, up to the limit', async () => {
      const store = current()
      await store.messages.add([
        aMessage('m2', { createdAt: at(2) }),
        aMessage('m1', { createdAt: at(1), openid: 'o-neighbour' }),
        aMessage('m3', { createdAt: at(3), status: 'sent' }),
      ])
      expect(ids(await store.messages.all(10))).toEqual(['m1', 'm2', 'm3'])
      expect(ids(await store.messages.all(2))).toEqual(['m1', 'm2'])
    })

    test(
      'lists page past the 100-row default of a single read',
      async () => {
        const store = current()
        const many = Array.from({ length: 130 }, (_, i) =>
          aMessage(`m${String(i).padStart(3, '0')}`, { createdAt: at(i), nextAttemptAt: at(i) }),
        )
        for (let i = 0; i < many.length; i += 40) {
          const batch = many.slice(i, i + 40)
          expect(await store.messages.add(batch)).toBe(batch.length)
        }
        expect(ids(await store.messages.forRecipient('o-reporter', 500))).toEqual(ids(many).reverse())
        expect(ids(await store.messages.duePending(at(1000), 500))).toEqual(ids(many))
        expect(await store.messages.all(500)).toHaveLength(130)
      },
      60_000,
    )
  })
}
