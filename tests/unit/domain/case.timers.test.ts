/** nextDue: what the sweep indexes. */
import { nextDue } from '../../../cloudfunctions/_shared/domain'
import { aCase, step } from './case.builders'

describe('nextDue', () => {
  it.each([
    ['a pending case: its accept deadline', { status: 'pending' as const }, 'acceptBy', 'MissDeadline'],
    ['an accepted case: its resolve deadline', { status: 'in_progress' as const }, 'resolveBy', 'MissDeadline'],
    ['a resolved case: its auto-close time', { status: 'resolved' as const }, 'autoCloseBy', 'AutoCloseCase'],
  ] as const)('is, for %s', (_what, spec, field, command) => {
    const { state } = aCase(spec)
    expect(nextDue(state)).toEqual({ at: state[field], command })
  })

  it.each(['closed', 'withdrawn'] as const)('is null for a %s case', (status) => {
    expect(nextDue(aCase({ status }).state)).toBeNull()
  })

  it('skips deadlines already flagged at the province', () => {
    let h = aCase({ level: 'province', status: 'in_progress' })
    expect(nextDue(h.state)).toEqual({ at: h.state.resolveBy, command: 'MissDeadline' })
    h = step(h, { type: 'MissDeadline', at: h.state.resolveBy, actor: 'system' })
    expect(nextDue(h.state)).toBeNull()
  })

  it('is written as a UTC ISO string, so due times sort as strings', () => {
    const due = nextDue(aCase().state)
    expect(due?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })
})
