/** How a case's state reads on screen: chips and running deadlines. */
import { render, screen } from '@testing-library/react'
import { StatusChip } from '../../src/shared/status-chip'
import { formatTime, remaining, runningDeadline } from '../../src/shared/case-format'

test('a status chip says the status in Chinese, and flags an overdue case', () => {
  render(<StatusChip status="pending" overdue />)
  expect(screen.getByText('待受理·超期')).toBeTruthy()
})

test.each([
  ['2026-12-01T01:00:00.000Z', '还剩 24 小时'],
  ['2026-12-07T01:00:00.000Z', '还剩 7 天'],
  ['2026-11-30T00:30:00.000Z', '已超期 1 小时'],
  ['2026-11-27T01:00:00.000Z', '已超期 3 天'],
])('remaining(%s) from Monday 09:00 is %s', (deadline, text) => {
  expect(remaining(deadline, '2026-11-30T01:00:00.000Z')).toBe(text)
})

test('the running deadline is acceptance while pending, resolution once accepted, none after', () => {
  const c = { acceptBy: 'A', resolveBy: 'R' }
  expect(runningDeadline({ ...c, status: 'pending' })).toEqual({ label: '受理期限', at: 'A' })
  expect(runningDeadline({ ...c, status: 'in_progress' })).toEqual({ label: '办结期限', at: 'R' })
  expect(runningDeadline({ ...c, status: 'resolved' })).toBeNull()
})

test('times read in China time whatever the phone says', () => {
  expect(formatTime('2026-11-30T16:05:00.000Z')).toBe('2026年12月1日 00:05')
})
