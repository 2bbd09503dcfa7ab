import { LEVELS } from '../../../types/enums'
import { DEFAULT_CASE_POLICY, autoCloseAt, deadlinesAt } from '../../../cloudfunctions/_shared/domain'

describe('deadlinesAt (default policy)', () => {
  const arrived = '2025-03-03T09:00:00+08:00'

  it.each([
    ['village', '2025-03-04T01:00:00.000Z', '2025-03-10T01:00:00.000Z'],
    ['township', '2025-03-04T01:00:00.000Z', '2025-03-13T01:00:00.000Z'],
    ['county', '2025-03-04T01:00:00.000Z', '2025-03-18T01:00:00.000Z'],
    ['city', '2025-03-04T01:00:00.000Z', '2025-03-23T01:00:00.000Z'],
    ['province', '2025-03-04T01:00:00.000Z', '2025-04-02T01:00:00.000Z'],
  ] as const)('at the %s: accept by %s, resolve by %s', (level, acceptBy, resolveBy) => {
    expect(deadlinesAt(level, arrived)).toEqual({ acceptBy, resolveBy })
  })

  it('counts whole days across a month end and a leap day', () => {
    expect(deadlinesAt('province', '2024-02-20T16:30:00.000Z').resolveBy).toBe('2024-03-21T16:30:00.000Z')
  })

  it.each(LEVELS)('at the %s, the accept deadline comes before the resolve deadline', (level) => {
    const { acceptBy, resolveBy } = deadlinesAt(level, arrived)
    expect(acceptBy < resolveBy).toBe(true)
  })

  it('follows a custom policy', () => {
    const policy = { ...DEFAULT_CASE_POLICY, acceptWithinHours: { ...DEFAULT_CASE_POLICY.acceptWithinHours, county: 48 } }
    expect(deadlinesAt('county', arrived, policy).acceptBy).toBe('2025-03-05T01:00:00.000Z')
  })
})

describe('autoCloseAt', () => {
  it.each([
    ['2025-03-03T01:00:00.000Z', '2025-03-10T01:00:00.000Z'],
    ['2025-12-28T23:59:59+08:00', '2026-01-04T15:59:59.000Z'],
  ])('closes a case resolved at %s at %s', (resolvedAt, expected) => {
    expect(autoCloseAt(resolvedAt)).toBe(expected)
  })
})
