/** A council's deliberation result on the case's timeline: RecordDeliberation → CaseDeliberated. */
import { decide, evolve, redactCase, timelineEntryOf, type CaseDeliberated } from '../../../cloudfunctions/_shared/domain'
import { timelineText } from '../../../cloudfunctions/_shared/cases/message-text'
import { aCase, convenerOf, errorOf, eventsOf, hoursAfter, type History } from './case.builders'

const record = (h: History, overrides: Record<string, unknown> = {}) =>
  decide(
    {
      type: 'RecordDeliberation',
      at: hoursAfter(h.at, 1),
      actor: 'system',
      deliberationId: 'dlb-1',
      orgId: h.state.chain.village,
      title: '村口路灯由谁出资维修',
      result: { kind: 'passed', option: 0, optionText: '村集体出资', ballots: 5, members: 6 },
      ...overrides,
    } as never,
    h.state,
  )

test.each(['pending', 'in_progress', 'resolved'] as const)('the system records it on a %s case; nothing else changes', (status) => {
  const h = aCase({ status })
  const [event] = eventsOf(record(h))
  expect(event).toMatchObject({ type: 'CaseDeliberated', level: 'village', orgId: h.state.chain.village, deliberationId: 'dlb-1' })
  const after = evolve(h.state, event!)
  expect(after).toEqual({ ...h.state, updatedAt: event!.at })
})

test('it sits at the council even when the case is held higher up now', () => {
  const h = aCase({ level: 'township' })
  expect(eventsOf(record(h))[0]).toMatchObject({ level: 'village', orgId: h.state.chain.village })
})

test('closed and withdrawn cases take no more entries; a person may not issue it', () => {
  expect(errorOf(record(aCase({ status: 'closed' })))).toMatchObject({ code: 'CONFLICT' })
  expect(errorOf(record(aCase({ status: 'withdrawn' })))).toMatchObject({ code: 'CONFLICT' })
  const h = aCase()
  expect(errorOf(record(h, { actor: convenerOf(h.state.chain) }))).toMatchObject({ code: 'FORBIDDEN' })
})

test('timeline: the result in words; a redacted viewer gets neither the title nor the option', () => {
  const h = aCase({ submit: { category: 'marriage_family' } })
  const event = eventsOf(record(h))[0] as CaseDeliberated
  const names = () => '蒲河村'
  expect(timelineText(timelineEntryOf(event, 'full')!, names)).toBe(
    '蒲河村（村/社区）议事会就“村口路灯由谁出资维修”表决通过：村集体出资（6 名成员中 5 人投票）',
  )
  const hidden = timelineEntryOf(event, 'redacted')!
  expect(hidden).toMatchObject({ title: '议事会议题' })
  expect(JSON.stringify(hidden)).not.toContain('村集体出资')
  expect(timelineEntryOf(event, 'none')).toBeNull()
  expect(redactCase(h.state, 'redacted')).not.toBeNull()

  const noQuorum = eventsOf(record(h, { result: { kind: 'no_quorum', ballots: 2, members: 6 } }))[0] as CaseDeliberated
  expect(timelineText(timelineEntryOf(noQuorum, 'full')!, names)).toContain('未达到法定人数')
})
