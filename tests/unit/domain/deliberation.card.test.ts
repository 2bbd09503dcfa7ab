/**
 * The group card (domain/deliberation.card.ts) and the two commands around it (IssueShareCard,
 * NudgeVoters), on a fixed clock: anOpen opens at T0 and closes three days on, so its reminder
 * instant — where 即将截止 begins — is 24 hours before the deadline.
 */
import fc from 'fast-check'
import {
  CARD_TEMPLATE_ID,
  NUDGE_EVERY_HOURS,
  cardOf,
  cardUpdateOf,
  needsNewCard,
  nextNudgeAt,
  notifyTitleOf,
  shareTemplateOf,
} from '../../../cloudfunctions/_shared/domain/deliberation.card'
import type { DeliberationCommand } from '../../../cloudfunctions/_shared/domain'
import { CLOSES_AT, CONVENER, Council, LI, MEMBERS, OTHER_MEMBER, RESIDENT, T0, TOWNSHIP_CADRE, VILLAGE_CADRE, ZHANG, errorOf, eventsOf, hoursAfter } from './deliberation.builders'

const DAY = 24

const issue = (council: Council, actor = LI, activityId = 'act-1', validHours = DAY) =>
  council.try(({ at }): DeliberationCommand => ({ type: 'IssueShareCard', at, actor, activityId, expiresAt: hoursAfter(at, validHours) }))

const nudge = (council: Council, actor = CONVENER, owed = 3) => council.try(({ at }): DeliberationCommand => ({ type: 'NudgeVoters', at, actor, owed }))

describe('what the card says', () => {
  test('X人已参与 while open, of the roll taken at open', () => {
    const council = new Council()
    expect(cardOf(council.state, hoursAfter(T0, 1))).toEqual({ phase: 'open', ballots: 0, members: 6, label: '0人已参与' })
    eventsOf(council.vote(LI, [0]))
    eventsOf(council.vote(ZHANG, [1]))
    // A changed ballot counts once.
    eventsOf(council.vote(LI, [1]))
    expect(cardOf(council.state, hoursAfter(T0, 2))).toMatchObject({ phase: 'open', ballots: 2, label: '2人已参与' })
  })

  test('即将截止 from the reminder instant (24 hours before the deadline) to the deadline; 已结束 at it, before the close job', () => {
    const council = new Council()
    eventsOf(council.vote(LI, [0]))
    expect(council.state.remindAt).toBe(hoursAfter(CLOSES_AT, -DAY))
    expect(cardOf(council.state, hoursAfter(CLOSES_AT, -DAY - 0.01)).phase).toBe('open')
    expect(cardOf(council.state, hoursAfter(CLOSES_AT, -DAY))).toMatchObject({ phase: 'closing', ballots: 1, label: '即将截止 · 1人已参与' })
    expect(cardOf(council.state, CLOSES_AT)).toMatchObject({ phase: 'ended', label: '已结束' })
  })

  test('已结束 once closed by hand, whatever the hour', () => {
    const council = new Council()
    eventsOf(council.close())
    expect(cardOf(council.state, hoursAfter(T0, 1))).toMatchObject({ phase: 'ended', label: '已结束' })
  })

  test('WeChat is asked for state 0 with the counts while open or closing, 2 (已结束) at the end, never 1 (已开始)', () => {
    expect(cardUpdateOf({ phase: 'open', ballots: 2, members: 6, label: '' })).toEqual({
      targetState: 0,
      parameters: [
        { name: 'member_count', value: '2' },
        { name: 'room_limit', value: '6' },
      ],
    })
    expect(cardUpdateOf({ phase: 'closing', ballots: 5, members: 6, label: '' }).targetState).toBe(0)
    expect(cardUpdateOf({ phase: 'ended', ballots: 5, members: 6, label: '' })).toEqual({ targetState: 2, parameters: [] })
    expect(shareTemplateOf({ phase: 'open', ballots: 1, members: 6, label: '' })).toEqual({
      templateId: CARD_TEMPLATE_ID,
      parameterList: [
        { name: 'member_count', value: '1' },
        { name: 'room_limit', value: '6' },
      ],
    })
  })

  test('a card’s phase only moves forward and its counts never pass the roll, whatever the ballots and the hour', () => {
    const voters = [CONVENER, ...MEMBERS]
    fc.assert(
      fc.property(fc.array(fc.record({ voter: fc.nat(voters.length - 1), choice: fc.nat(1), minutes: fc.nat(12 * 60) }), { maxLength: 40 }), (steps) => {
        const council = new Council()
        const order = ['open', 'closing', 'ended']
        let last = 0
        for (const step of steps) {
          council.tick(step.minutes)
          council.vote(voters[step.voter]!, [step.choice])
          const card = cardOf(council.state, council.at)
          expect(order.indexOf(card.phase)).toBeGreaterThanOrEqual(last)
          last = order.indexOf(card.phase)
          const update = cardUpdateOf(card)
          if (update.targetState === 0) {
            const [count, limit] = update.parameters.map((p) => Number(p.value))
            expect(count).toBe(council.state.ballotCount)
            expect(count).toBeLessThanOrEqual(limit!)
          }
        }
      }),
    )
  })
})

describe('the activity id: once per deliberation, renewed when it runs out', () => {
  test('none yet, or under an hour left: a new one; otherwise the stored one', () => {
    const card = { activityId: 'a', issuedAt: T0, expiresAt: hoursAfter(T0, DAY) }
    expect(needsNewCard(undefined, T0)).toBe(true)
    expect(needsNewCard(card, hoursAfter(T0, 22.9))).toBe(false)
    expect(needsNewCard(card, hoursAfter(T0, 23.1))).toBe(true)
  })

  test('a member of the council, its convener or its own cadre may share; a cadre above, another village or a resident may not', () => {
    for (const actor of [LI, CONVENER, VILLAGE_CADRE]) expect(eventsOf(issue(new Council(), actor))).toMatchObject([{ type: 'ShareCardIssued', activityId: 'act-1' }])
    for (const actor of [TOWNSHIP_CADRE, OTHER_MEMBER, RESIDENT]) expect(errorOf(issue(new Council(), actor)).code).toBe('FORBIDDEN')
  })

  test('given a card still valid, a second is refused (two members sharing at once keep one); past 23 hours it is renewed', () => {
    const council = new Council()
    eventsOf(issue(council, LI, 'act-1'))
    expect(errorOf(issue(council, ZHANG, 'act-2'))).toMatchObject({ code: 'CONFLICT', reason: 'CARD_STILL_VALID' })
    council.tick(23.5 * 60)
    eventsOf(issue(council, ZHANG, 'act-2'))
    expect(council.state.shareCard).toMatchObject({ activityId: 'act-2' })
  })

  test('not once it is closed or past its deadline; not an id that has already run out', () => {
    const closed = new Council()
    eventsOf(closed.close())
    expect(errorOf(issue(closed))).toMatchObject({ code: 'CONFLICT', reason: 'DELIBERATION_CLOSED' })
    const late = new Council()
    late.tick(3 * DAY * 60)
    expect(errorOf(issue(late))).toMatchObject({ code: 'CONFLICT' })
    expect(errorOf(issue(new Council(), LI, 'act-1', -1)).code).toBe('INVALID_INPUT')
  })
})

describe('提醒未投票的成员', () => {
  test('those who run it, while it is open; once in six hours; not when everyone has voted', () => {
    const council = new Council()
    expect(eventsOf(nudge(council))).toMatchObject([{ type: 'VotersNudged', by: { openid: CONVENER.openid, role: 'convener' } }])
    expect(nextNudgeAt(council.state.nudgedAt, council.at)).toBe(hoursAfter(council.state.nudgedAt!, NUDGE_EVERY_HOURS))
    expect(errorOf(nudge(council))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REMINDED', message: '刚刚提醒过，同一议事每 6 小时最多提醒一次' })
    council.tick(NUDGE_EVERY_HOURS * 60)
    expect(nextNudgeAt(council.state.nudgedAt, council.at)).toBeUndefined()
    expect(errorOf(nudge(council, CONVENER, 0))).toMatchObject({ code: 'CONFLICT', reason: 'EVERYONE_VOTED', message: '其他成员都已投票，无需提醒' })
    eventsOf(nudge(council, VILLAGE_CADRE))
  })

  test('not by a member or a cadre above; not after the close', () => {
    expect(errorOf(nudge(new Council(), LI)).code).toBe('FORBIDDEN')
    expect(errorOf(nudge(new Council(), TOWNSHIP_CADRE)).code).toBe('FORBIDDEN')
    const closed = new Council()
    eventsOf(closed.close())
    expect(errorOf(nudge(closed))).toMatchObject({ code: 'CONFLICT', reason: 'DELIBERATION_CLOSED' })
  })

  test('the timer’s reminder is its own: a hand reminder neither takes nor blocks it', () => {
    const council = new Council()
    eventsOf(nudge(council))
    council.tick(2 * DAY * 60)
    expect(eventsOf(council.try(({ at }) => ({ type: 'RemindVoters', at, actor: 'system' })))).toMatchObject([{ type: 'VotersReminded' }])
  })

  test('wx.notifyGroupMembers’ title: 30 wide at most (a Chinese character is two), letters, digits and Chinese only', () => {
    expect(notifyTitleOf('广场舞音量如何约定？')).toBe('广场舞音量如何约定')
    const long = notifyTitleOf('关于村委会门前广场晚间活动时段与音量的约定事项')
    expect([...long].length).toBe(15)
    expect(notifyTitleOf('？？')).toBe('议事投票')
  })
})
