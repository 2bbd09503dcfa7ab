/**
 * The deliberation's one timer instant (domain/deliberation.timers.ts): the owed reminder, then the
 * deadline, then none; and the command due at an instant agrees with the decider, which accepts it.
 */
import fc from 'fast-check'
import { decide } from '../../../cloudfunctions/_shared/domain/deliberation.decider'
import { dueDeliberationCommandAt, nextDeliberationDue } from '../../../cloudfunctions/_shared/domain'
import { Council, T0, hoursAfter } from './deliberation.builders'

const CLOSES = hoursAfter(T0, 72)

test('due at the reminder while it is owed, then at the deadline, then never', () => {
  const council = new Council({ closesAt: CLOSES })
  const { remindAt } = council.state
  expect(nextDeliberationDue(council.state)).toBe(remindAt)
  expect(dueDeliberationCommandAt(council.state, hoursAfter(remindAt, -1))).toBeNull()
  expect(dueDeliberationCommandAt(council.state, remindAt)).toBe('RemindVoters')
  expect(dueDeliberationCommandAt(council.state, CLOSES)).toBe('CloseDeliberation')

  council.try(() => ({ type: 'RemindVoters', at: remindAt, actor: 'system' }))
  expect(nextDeliberationDue(council.state)).toBe(CLOSES)
  expect(dueDeliberationCommandAt(council.state, hoursAfter(remindAt, 1))).toBeNull()
  expect(dueDeliberationCommandAt(council.state, CLOSES)).toBe('CloseDeliberation')

  council.close('system', CLOSES)
  expect(nextDeliberationDue(council.state)).toBeNull()
  expect(dueDeliberationCommandAt(council.state, hoursAfter(CLOSES, 1))).toBeNull()
})

test('closed by hand before the reminder: nothing is due', () => {
  const council = new Council({ closesAt: CLOSES })
  council.close()
  expect(nextDeliberationDue(council.state)).toBeNull()
  expect(dueDeliberationCommandAt(council.state, CLOSES)).toBeNull()
})

test('whatever the instant, the command due is one the decider accepts, and none is due before the next instant', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100 * 60 }), fc.boolean(), (minutes, remindFirst) => {
      const council = new Council({ closesAt: CLOSES })
      if (remindFirst) council.try(() => ({ type: 'RemindVoters', at: council.state.remindAt, actor: 'system' }))
      const at = new Date(Date.parse(T0) + minutes * 60_000).toISOString()
      const due = dueDeliberationCommandAt(council.state, at)
      const next = nextDeliberationDue(council.state) as string
      if (at < next) expect(due).toBeNull()
      else expect(due).not.toBeNull()
      if (due) expect(decide({ type: due, at, actor: 'system' }, council.state).ok).toBe(true)
    }),
  )
})
