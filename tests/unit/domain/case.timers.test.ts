/** nextDue: what the sweep indexes. */
import { nextDue } from '../../../cloudfunctions/_shared/domain'
import { aCase, step } from './case.builders'

describe('nextDue', () => {
  // At the village from T0 (Monday 2025-03-03, 09:00 China time); accepted an hour later, resolved
  // an hour after that (case.builders aCase).
  it.each([
    ['a pending case: its accept deadline, 24 hours on', { status: 'pending' as const }, '2025-03-04T01:00:00.000Z', 'MissDeadline'],
    ['an accepted case: its resolve deadline, 7 days from arrival', { status: 'in_progress' as const }, '2025-03-10T01:00:00.000Z', 'MissDeadline'],
    ['a resolved case: its auto-close time, 7 days from resolution', { status: 'resolved' as const }, '2025-03-10T03:00:00.000Z', 'AutoCloseCase'],
  ] as const)('is, for %s', (_what, spec, at, command) => {
    const { state } = aCase(spec)
    expect(nextDue(state)).toEqual({ at, command })
  })

  it.each(['closed', 'withdrawn'] as const)('is null for a %s case', (status) => {
    expect(nextDue(aCase({ status }).state)).toBeNull()
  })

  it('skips deadlines already flagged at the province', () => {
    // At the province since 05:00Z on 3 March: 30 days to resolve.
    let h = aCase({ level: 'province', status: 'in_progress' })
    expect(nextDue(h.state)).toEqual({ at: '2025-04-02T05:00:00.000Z', command: 'MissDeadline' })
    h = step(h, { type: 'MissDeadline', at: '2025-04-02T05:00:00.000Z', actor: 'system' })
    expect(nextDue(h.state)).toBeNull()
  })

  it('is written as a UTC ISO string, so due times sort as strings', () => {
    const due = nextDue(aCase().state)
    expect(due?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })
})
