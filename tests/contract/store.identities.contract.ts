/**
 * A reporter is unlinkable from the data at rest (docs/security.md, "What is kept at rest"). The port
 * takes and gives openids as it always did, and every adapter stores them only tagged and sealed
 * (adapters/sealed-identity.ts): here the round trip through every method that takes a person, then —
 * where the adapter's test can read what it stored (`stored`: every byte or document it keeps) — that
 * none of it holds the openid.
 */
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import { T0, aPerson, hoursAfter, holderOf, step } from '../unit/domain/case.builders'
import { submitted } from './store.cases.contract'
import { aMessage } from './store.messages.contract'

/** Distinctive enough that finding it anywhere means it was stored as it is. */
const HER = 'o-identity-contract-reporter-7f3a'

export function identitiesContract(current: () => Store, stored?: () => Promise<string>) {
  describe('identities at rest', () => {
    test('a reporter and a recipient are found and reached by openid, and stored without it', async () => {
      const store = current()
      const her = aPerson(HER)
      const submittedCase = submitted('case-id-1', { reporter: HER })
      expect(await store.cases.create(submittedCase.state, submittedCase.events, 'req-1')).toEqual({ created: true, id: 'case-id-1' })
      // Her own act after submission carries her as `by`: the timeline gives it back.
      const withdrawn = step(submittedCase, { type: 'WithdrawCase', at: hoursAfter(submittedCase.at, 1), actor: her, reason: '已自行解决' })
      await store.cases.update(withdrawn.state, 1, withdrawn.events.slice(submittedCase.events.length))
      const other = step(submitted('case-id-2', { reporter: 'o-someone-else' }), {
        type: 'AcceptCase',
        at: hoursAfter(T0, 1),
        actor: holderOf(submittedCase.state),
      })
      await store.cases.create(other.state, other.events)

      expect(await store.cases.get('case-id-1')).toEqual({ state: withdrawn.state, version: 2 })
      expect(await store.cases.timeline('case-id-1')).toEqual(withdrawn.events)
      expect((await store.cases.reportedBy(HER, 10)).map((s) => s.id)).toEqual(['case-id-1'])
      expect(await store.cases.byRequest(HER, 'req-1')).toBe('case-id-1')
      expect(await store.cases.byRequest('o-someone-else', 'req-1')).toBeNull()
      // A resend is still recognised by its (reporter, request) pair.
      expect(await store.cases.create({ ...submittedCase.state, id: 'case-id-3' }, submittedCase.events, 'req-1')).toEqual({ created: false, id: 'case-id-1' })

      const message = aMessage('m-id-1', { openid: HER, dedupeKey: `case-id-1@1.0:${HER}:case_received` })
      expect(await store.messages.add([message, aMessage('m-id-2', { openid: 'o-someone-else' })])).toBe(2)
      expect(await store.messages.add([{ ...message, id: 'm-id-3' }])).toBe(0)
      expect(await store.messages.get('m-id-1')).toEqual(message)
      expect(await store.messages.forRecipient(HER, 10)).toEqual([message])
      expect((await store.messages.duePending(T0, 10)).find((m) => m.id === 'm-id-1')?.openid).toBe(HER)
      await store.messages.put({ ...message, status: 'sent', attempts: 1, sentAt: T0 })
      expect(await store.messages.get('m-id-1')).toEqual({ ...message, status: 'sent', attempts: 1, sentAt: T0 })

      await store.credits.grant(HER, 'tpl-progress', 2)
      expect(await store.credits.take(HER, 'tpl-progress')).toBe(true)
      expect(await store.credits.balance(HER)).toEqual({ 'tpl-progress': 1 })
      expect(await store.credits.balance('o-someone-else')).toEqual({})

      // Her own record (the village she picked, or her first named report's): found by openid too.
      await store.people.putUser({ openid: HER, name: null, homeOrgId: 'v-her', publicPhone: null })
      expect(await store.people.getUser(HER)).toEqual({ openid: HER, name: null, homeOrgId: 'v-her', publicPhone: null })
      expect(await store.people.getUser('o-someone-else')).toBeNull()

      if (stored) expect(await stored()).not.toContain(HER)
    })
  })
}
