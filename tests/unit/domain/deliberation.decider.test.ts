/** The deliberation's rules, as given / when / then. */
import { decide } from '../../../cloudfunctions/_shared/domain/deliberation.decider'
import { PRIVATE_DELIBERATION_TITLE, shareTitleOf, type CaseFacts } from '../../../cloudfunctions/_shared/domain'
import {
  CHAIN,
  CHEN,
  CLOSES_AT,
  CONVENER,
  Council,
  ELECTORATE,
  LI,
  LIU,
  OTHER_MEMBER,
  RESIDENT,
  T0,
  TOWNSHIP_CADRE,
  VILLAGE,
  VILLAGE_CADRE,
  YANG,
  ZHANG,
  anOpen,
  daysAfter,
  errorOf,
  eventsOf,
  hoursAfter,
} from './deliberation.builders'
import { aPerson } from './case.builders'

const opened = (overrides = {}) => eventsOf(decide(anOpen(overrides), null))[0]!
const openError = (overrides = {}) => errorOf(decide(anOpen(overrides), null))

const aCaseHere = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'case-1',
  holderOrgId: VILLAGE,
  status: 'in_progress',
  category: 'governance',
  title: '村口路灯坏了三个月',
  content: '晚上接孩子放学路上很黑，希望尽快修好。',
  ...overrides,
})

describe('OpenDeliberation', () => {
  test('the convener opens one: the electorate is the council now, with the default quorum and pass rule', () => {
    const event = opened()
    expect(event).toMatchObject({
      type: 'DeliberationOpened',
      deliberationId: 'dlb-1',
      orgId: VILLAGE,
      by: { openid: CONVENER.openid, role: 'convener' },
      quorum: 4,
      passRatio: 0.5,
      multiple: false,
      anonymous: false,
      sensitive: false,
      electorate: ELECTORATE,
      closesAt: '2025-03-06T01:00:00.000Z',
      // 24 hours before the deadline.
      remindAt: '2025-03-05T01:00:00.000Z',
    })
  })

  test('a cadre of the org may open one too', () => {
    expect(opened({ actor: VILLAGE_CADRE })).toMatchObject({ by: { role: 'cadre' } })
  })

  test.each([
    ['a member', LI],
    ['a cadre above', TOWNSHIP_CADRE],
    ['a member of another council', OTHER_MEMBER],
    ['a resident', RESIDENT],
  ])('%s may not open one', (_who, actor) => {
    expect(openError({ actor })).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('quorum and pass ratio can be set per deliberation, within bounds', () => {
    expect(opened({ quorum: 6, passRatio: 2 / 3 })).toMatchObject({ quorum: 6, passRatio: 2 / 3 })
    expect(openError({ quorum: 7 })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(openError({ quorum: 0 })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(openError({ passRatio: 0.4 })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(openError({ passRatio: 1 })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test.each([
    ['one option', { options: ['同意'] }],
    ['eleven options', { options: Array.from({ length: 11 }, (_, i) => `方案${i + 1}`) }],
    ['a blank option', { options: ['同意', '  '] }],
    ['the same option twice', { options: ['同意', '同意 '] }],
    ['no title', { title: ' ' }],
    ['no background', { background: '' }],
    ['a deadline in the past', { closesAt: hoursAfter(T0, -1) }],
    ['a deadline within the hour', { closesAt: hoursAfter(T0, 0.5) }],
    ['a deadline past 30 days', { closesAt: daysAfter(T0, 31) }],
    ['a deadline that is not an instant', { closesAt: '下周一' }],
  ])('refuses %s', (_what, overrides) => {
    expect(openError(overrides)).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test('ten options and exactly 30 days are fine', () => {
    expect(opened({ options: Array.from({ length: 10 }, (_, i) => `方案${i + 1}`), closesAt: daysAfter(T0, 30) })).toBeDefined()
  })

  test('a council with no members cannot deliberate', () => {
    expect(openError({ electorate: [] })).toMatchObject({ code: 'CONFLICT' })
  })

  test('the electorate counts each person once (the convener is also bound as a member)', () => {
    const event = opened({ electorate: [...ELECTORATE, ELECTORATE[0]!] })
    expect(event.type === 'DeliberationOpened' && event.electorate).toHaveLength(6)
  })

  test('the reminder goes 24 hours before the deadline, or at the midpoint of a short one', () => {
    // Opened at T0, 2025-03-03T01:00Z.
    expect(opened({ closesAt: '2025-03-05T01:00:00.000Z' })).toMatchObject({ remindAt: '2025-03-04T01:00:00.000Z' })
    expect(opened({ closesAt: '2025-03-05T00:00:00.000Z' })).toMatchObject({ remindAt: '2025-03-04T00:30:00.000Z' })
    expect(opened({ closesAt: '2025-03-03T13:00:00.000Z' })).toMatchObject({ remindAt: '2025-03-03T07:00:00.000Z' })
    expect(opened({ closesAt: '2025-03-06T01:00:00.000Z', remindHoursBefore: 2 })).toMatchObject({ remindAt: '2025-03-05T23:00:00.000Z' })
  })

  describe('on a case', () => {
    test('a case the council holds and is still handling', () => {
      expect(opened({ case: aCaseHere() })).toMatchObject({ caseId: 'case-1', sensitive: false })
      expect(opened({ case: aCaseHere({ status: 'pending' }) })).toMatchObject({ caseId: 'case-1' })
    })

    test('not a case that moved on, or is already resolved', () => {
      expect(openError({ case: aCaseHere({ holderOrgId: CHAIN.township }) })).toMatchObject({ code: 'CONFLICT' })
      expect(openError({ case: aCaseHere({ status: 'resolved' }) })).toMatchObject({ code: 'CONFLICT' })
    })

    test('a sensitive case needs a neutral title and background: copied text is refused', () => {
      const facts = aCaseHere({ category: 'marriage_family', title: '丈夫长期家暴', content: '我丈夫张某喝酒后经常动手打我，孩子也害怕。' })
      expect(openError({ case: facts, title: '关于丈夫长期家暴的处理' })).toMatchObject({ code: 'INVALID_INPUT' })
      expect(openError({ case: facts, background: '反映人说：我丈夫张某喝酒后经常动手打我。' })).toMatchObject({
        code: 'INVALID_INPUT',
      })
      const neutral = opened({ case: facts, title: '一户家庭矛盾的调解方式', background: '一户家庭矛盾需议事会商议调解方式。' })
      expect(neutral).toMatchObject({ sensitive: true })
      expect(shareTitleOf({ sensitive: true, title: '一户家庭矛盾的调解方式' })).toBe(PRIVATE_DELIBERATION_TITLE)
    })
  })
})

describe('CastBallot', () => {
  test('a member votes: the counts and the ballot count move', () => {
    const c = new Council()
    eventsOf(c.vote(LI, [1]))
    expect(c.state).toMatchObject({ counts: [0, 1, 0], ballotCount: 1 })
    expect(c.ballots.get(LI.openid)).toMatchObject({ choices: [1], changes: 0, history: [] })
  })

  test('the convener votes as a member of her council', () => {
    const c = new Council()
    eventsOf(c.vote(CONVENER, [0]))
    expect(c.state.counts).toEqual([1, 0, 0])
  })

  test('changing a ballot moves the counts from the old choice to the new one; still one ballot', () => {
    const c = new Council()
    c.vote(LI, [1])
    const [event] = eventsOf(c.vote(LI, [2]))
    expect(event).toMatchObject({ type: 'BallotCast', replaced: [1], choices: [2] })
    expect(c.state).toMatchObject({ counts: [0, 0, 1], ballotCount: 1 })
    expect(c.ballots.get(LI.openid)).toMatchObject({ choices: [2], changes: 1, history: [{ choices: [1] }] })
  })

  test('the same choices again decide nothing (a retried tap)', () => {
    const c = new Council()
    c.vote(LI, [1])
    expect(eventsOf(c.vote(LI, [1]))).toEqual([])
    expect(c.state.ballotCount).toBe(1)
  })

  test.each([
    ['a cadre of the org (not a council member)', VILLAGE_CADRE],
    ['a cadre above', TOWNSHIP_CADRE],
    ['a member of another council', OTHER_MEMBER],
    ['a resident', RESIDENT],
    ['someone who joined after it opened', aPerson('o-new', { role: 'member', orgId: VILLAGE })],
    ['someone on the roll who has since left the council', aPerson(LI.openid)],
  ])('%s may not vote', (_who, actor) => {
    expect(errorOf(new Council().vote(actor, [0]))).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('after close: CONFLICT; a non-member after close is still FORBIDDEN (who before when)', () => {
    const c = new Council()
    eventsOf(c.close())
    expect(errorOf(c.vote(LI, [0]))).toMatchObject({ code: 'CONFLICT' })
    expect(errorOf(c.vote(RESIDENT, [0]))).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('at the deadline, before the timer has closed it: CONFLICT', () => {
    const c = new Council()
    c.at = '2025-03-06T00:58:00.000Z'
    expect(eventsOf(c.vote(ZHANG, [0]))).toHaveLength(1) // 00:59Z, a minute before the deadline
    expect(errorOf(c.vote(LI, [0]))).toMatchObject({ code: 'CONFLICT' }) // 01:00Z, the deadline itself
    expect(c.at).toBe(CLOSES_AT)
  })

  test.each([
    ['no choice', []],
    ['two choices in a single-choice vote', [0, 1]],
    ['an option that does not exist', [3]],
    ['a negative index', [-1]],
    ['a fraction', [0.5]],
  ])('refuses %s', (_what, choices) => {
    expect(errorOf(new Council().vote(LI, choices))).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test('multiple choice: several distinct options, each counted once', () => {
    const c = new Council({ multiple: true })
    eventsOf(c.vote(LI, [2, 0]))
    eventsOf(c.vote(ZHANG, [0]))
    expect(c.state).toMatchObject({ counts: [2, 0, 1], ballotCount: 2 })
    expect(c.ballots.get(LI.openid)?.choices).toEqual([0, 2])
    expect(errorOf(c.vote(LIU, [1, 1]))).toMatchObject({ code: 'INVALID_INPUT' })
    eventsOf(c.vote(LI, [1]))
    expect(c.state).toMatchObject({ counts: [1, 1, 0], ballotCount: 2 })
  })

  test('anonymous mode still allows one ballot per member, and counts the same', () => {
    const c = new Council({ anonymous: true })
    c.vote(LI, [0])
    c.vote(LI, [1])
    expect(c.state).toMatchObject({ counts: [0, 1, 0], ballotCount: 1, anonymous: true })
  })
})

describe('CastProxyBallot', () => {
  test('the convener records a member’s ballot agreed by phone, with a note kept on the ballot', () => {
    const c = new Council()
    const [event] = eventsOf(c.proxy(YANG.openid, [0], CONVENER, '电话确认，同意村集体出资'))
    expect(event).toMatchObject({ voterOpenid: YANG.openid, by: { openid: CONVENER.openid, role: 'convener' } })
    expect(c.ballots.get(YANG.openid)).toMatchObject({
      choices: [0],
      proxy: { byOpenid: CONVENER.openid, byName: '王主任', note: '电话确认，同意村集体出资' },
    })
    expect(c.state).toMatchObject({ counts: [1, 0, 0], ballotCount: 1 })
  })

  test.each([
    ['a member', LI],
    ['a cadre of the org', VILLAGE_CADRE],
  ])('%s may not record a proxy ballot', (_who, actor) => {
    expect(errorOf(new Council().proxy(YANG.openid, [0], actor))).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('not for someone outside the electorate, nor for herself, nor without a note', () => {
    expect(errorOf(new Council().proxy(OTHER_MEMBER.openid, [0]))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(errorOf(new Council().proxy(CONVENER.openid, [0]))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(errorOf(new Council().proxy(YANG.openid, [0], CONVENER, ' '))).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test('never over a ballot she cast herself', () => {
    const c = new Council()
    c.vote(YANG, [1])
    expect(errorOf(c.proxy(YANG.openid, [0]))).toMatchObject({ code: 'CONFLICT' })
    expect(c.state.counts).toEqual([0, 1, 0])
  })

  test('her own vote replaces a proxy ballot; the audit keeps the proxy in the history', () => {
    const c = new Council()
    c.proxy(YANG.openid, [0])
    eventsOf(c.vote(YANG, [2]))
    const ballot = c.ballots.get(YANG.openid)!
    expect(ballot.proxy).toBeUndefined()
    expect(ballot.history).toEqual([expect.objectContaining({ choices: [0], proxy: expect.objectContaining({ note: '电话确认' }) })])
    expect(c.state).toMatchObject({ counts: [0, 0, 1], ballotCount: 1 })
  })

  test('after close: CONFLICT', () => {
    const c = new Council()
    c.close()
    expect(errorOf(c.proxy(YANG.openid, [0]))).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('PostComment', () => {
  const post = (c: Council, actor: typeof LI, text = '我同意村里出资，路灯关系到孩子安全。') =>
    c.try(({ at }) => ({ type: 'PostComment', at, actor, commentId: `cmt-${at}`, text, actorName: '某某' }))

  test('members, the convener and cadres of the org comment, signed with their role', () => {
    const c = new Council()
    expect(eventsOf(post(c, LI))[0]).toMatchObject({ authorRole: 'member' })
    expect(eventsOf(post(c, CONVENER))[0]).toMatchObject({ authorRole: 'convener' })
    expect(eventsOf(post(c, VILLAGE_CADRE))[0]).toMatchObject({ authorRole: 'cadre' })
    expect(c.state.commentCount).toBe(3)
  })

  test('cadres above read but do not comment; nor do outsiders', () => {
    expect(errorOf(post(new Council(), TOWNSHIP_CADRE))).toMatchObject({ code: 'FORBIDDEN' })
    expect(errorOf(post(new Council(), RESIDENT))).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('not after close, not blank', () => {
    const c = new Council()
    expect(errorOf(post(c, LI, '  '))).toMatchObject({ code: 'INVALID_INPUT' })
    c.close()
    expect(errorOf(post(c, LI))).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('CloseDeliberation', () => {
  test('the convener closes it early: the result is tallied from the kept counts', () => {
    const c = new Council()
    for (const member of [LI, ZHANG, LIU]) c.vote(member, [0])
    c.vote(CHEN, [1])
    const [event] = eventsOf(c.close(CONVENER))
    expect(event).toMatchObject({ type: 'DeliberationClosed', result: { kind: 'passed', option: 0 }, counts: [3, 1, 0], ballotCount: 4 })
    expect(c.state).toMatchObject({ status: 'closed', result: { kind: 'passed', option: 0 }, closedBy: { role: 'convener' } })
  })

  test('a cadre of the org may close it; a member or a cadre above may not', () => {
    expect(eventsOf(new Council().close(VILLAGE_CADRE))).toHaveLength(1)
    expect(errorOf(new Council().close(LI))).toMatchObject({ code: 'FORBIDDEN' })
    expect(errorOf(new Council().close(TOWNSHIP_CADRE))).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('the timer closes it at the deadline, not before; closing twice is a CONFLICT', () => {
    const c = new Council()
    expect(errorOf(c.close('system', '2025-03-06T00:59:59.999Z'))).toMatchObject({ code: 'CONFLICT' })
    const [event] = eventsOf(c.close('system', '2025-03-06T01:00:00.000Z'))
    expect(event).not.toHaveProperty('by')
    expect(c.state.closedBy).toBeUndefined()
    expect(errorOf(c.close('system', '2025-03-07T01:00:00.000Z'))).toMatchObject({ code: 'CONFLICT' })
    expect(errorOf(c.close(CONVENER))).toMatchObject({ code: 'CONFLICT' })
  })

  test('too few ballots: no_quorum; a tie: no_majority', () => {
    const few = new Council()
    few.vote(LI, [0])
    few.vote(ZHANG, [0])
    few.vote(LIU, [0])
    expect(few.close().ok && few.state.result).toEqual({ kind: 'no_quorum' })

    const tie = new Council()
    tie.vote(LI, [0])
    tie.vote(ZHANG, [0])
    tie.vote(LIU, [1])
    tie.vote(CHEN, [1])
    expect(tie.close().ok && tie.state.result).toEqual({ kind: 'no_majority' })
  })

  test('anonymous mode decides exactly as open mode', () => {
    const results = [false, true].map((anonymous) => {
      const c = new Council({ anonymous })
      c.vote(LI, [2])
      c.vote(ZHANG, [2])
      c.vote(LIU, [2])
      c.proxy(YANG.openid, [1])
      c.close()
      return c.state.result
    })
    expect(results).toEqual([{ kind: 'passed', option: 2 }, { kind: 'passed', option: 2 }])
  })
})

describe('RemindVoters and NoteCaseResult (system only)', () => {
  const remind = (c: Council, at: string, actor: typeof LI | 'system' = 'system') =>
    c.try(() => ({ type: 'RemindVoters', at, actor }))

  // Open from T0 until 2025-03-06T01:00Z: the reminder is due 24 hours before, 2025-03-05T01:00Z.
  test('once, from the reminder time until the deadline', () => {
    const c = new Council()
    expect(errorOf(remind(c, '2025-03-05T00:59:59.999Z'))).toMatchObject({ code: 'CONFLICT' })
    expect(errorOf(remind(c, '2025-03-05T01:00:00.000Z', CONVENER))).toMatchObject({ code: 'FORBIDDEN' })
    eventsOf(remind(c, '2025-03-05T01:00:00.000Z'))
    expect(c.state.remindedAt).toBe('2025-03-05T01:00:00.000Z')
    expect(errorOf(remind(c, '2025-03-05T02:00:00.000Z'))).toMatchObject({ code: 'CONFLICT' })
  })

  test('not past the deadline, not once closed', () => {
    expect(eventsOf(remind(new Council(), '2025-03-06T00:59:59.999Z'))).toHaveLength(1)
    expect(errorOf(remind(new Council(), '2025-03-06T01:00:00.000Z'))).toMatchObject({ code: 'CONFLICT' })
    const closed = new Council()
    closed.close()
    expect(errorOf(remind(closed, '2025-03-05T01:00:00.000Z'))).toMatchObject({ code: 'CONFLICT' })
  })

  test('the case result is noted once, on a closed deliberation about a case', () => {
    const note = (c: Council, written: boolean) => c.try(({ at }) => ({ type: 'NoteCaseResult', at, actor: 'system', written }))
    const onCase = new Council({ case: aCaseHere() })
    expect(errorOf(note(onCase, true))).toMatchObject({ code: 'CONFLICT' })
    onCase.close()
    eventsOf(note(onCase, true))
    expect(onCase.state.resultOnCase).toBe('written')
    expect(errorOf(note(onCase, false))).toMatchObject({ code: 'CONFLICT' })
    const free = new Council()
    free.close()
    expect(errorOf(note(free, true))).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('RefreshCouncilName (system only)', () => {
  const refresh = (c: Council, orgName: string, actor: typeof CONVENER | 'system' = 'system') =>
    c.try(({ at }) => ({ type: 'RefreshCouncilName', at, actor, orgName }))

  test('an open deliberation keeps the name it opened with, and takes a new one', () => {
    const c = new Council()
    expect(c.state.orgName).toBe('蒲河村')
    expect(errorOf(refresh(c, '蒲河社区', CONVENER))).toMatchObject({ code: 'FORBIDDEN' })
    expect(eventsOf(refresh(c, '蒲河社区'))).toEqual([expect.objectContaining({ type: 'CouncilRenamed', orgName: '蒲河社区' })])
    expect(c.state.orgName).toBe('蒲河社区')
  })

  test('the same name, or a closed deliberation, decides nothing: a refresh may run twice or race a close', () => {
    const c = new Council()
    expect(eventsOf(refresh(c, '蒲河村'))).toEqual([])
    c.close()
    expect(eventsOf(refresh(c, '蒲河社区'))).toEqual([])
    expect(c.state.orgName).toBe('蒲河村')
  })
})

test('a command on a deliberation that does not exist is NOT_FOUND; a bad instant is INVALID_INPUT', () => {
  expect(errorOf(decide({ type: 'CloseDeliberation', at: T0, actor: CONVENER }, null))).toMatchObject({ code: 'NOT_FOUND' })
  expect(errorOf(decide(anOpen({ at: 'yesterday' }), null))).toMatchObject({ code: 'INVALID_INPUT' })
})
