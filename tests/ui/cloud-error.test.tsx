/** How the app reads a failure: by its stable reason, never by its words. */
import { CloudError, isOutOfDate, reasonOf } from '../../src/shared/cloud-error'

const failure = (reason?: 'CASE_CLOSED' | 'DELIBERATION_CLOSED' | 'GROUP_TICKET_STALE') =>
  new CloudError({ code: 'CONFLICT', message: '该反映已办结', ...(reason && { reason }) })

test('the reason is read from the envelope, and nothing else has one', () => {
  expect(reasonOf(failure('CASE_CLOSED'))).toBe('CASE_CLOSED')
  expect(reasonOf(failure())).toBeUndefined()
  expect(reasonOf(new Error('CASE_CLOSED'))).toBeUndefined()
})

test('a closed case or deliberation says the page is out of date; other failures do not', () => {
  expect(isOutOfDate(failure('CASE_CLOSED'))).toBe(true)
  expect(isOutOfDate(failure('DELIBERATION_CLOSED'))).toBe(true)
  expect(isOutOfDate(failure('GROUP_TICKET_STALE'))).toBe(false)
  expect(isOutOfDate(failure())).toBe(false)
})
