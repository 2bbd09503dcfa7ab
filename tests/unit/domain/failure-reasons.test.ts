/**
 * The stable reasons the deciders give (types/envelope.ts FAILURE_REASONS): each situation the app
 * tells apart, driven through the real decider, answers its code, its unchanged message and its
 * reason; rejections the app has no need to tell apart carry none. The last block holds the list to
 * the deciders: every reason is either reached here or named as the shell's.
 */
import { FAILURE_REASONS, type ErrorCode, type FailureReason } from '../../../types/envelope'
import { decide as decideCase, type CaseCommand, type CaseFacts, type DomainError } from '../../../cloudfunctions/_shared/domain'
import { decide as decideDeliberation } from '../../../cloudfunctions/_shared/domain/deliberation.decider'
import {
  REPORTER,
  STRANGER,
  aCase,
  aChain,
  aPerson,
  aSubmitCase,
  cadreAt,
  errorOf as caseErrorOf,
  given,
  holderOf,
  hoursAfter,
  step,
  type History,
} from './case.builders'
import {
  CONVENER,
  Council,
  LI,
  OTHER_MEMBER,
  RESIDENT,
  VILLAGE,
  anOpen,
  errorOf as deliberationErrorOf,
} from './deliberation.builders'

interface Expected {
  code: ErrorCode
  message: string
  reason?: FailureReason
}

const planVolunteerTask = (h: History, at: string): CaseCommand => ({
  type: 'PlanTask',
  at,
  actor: holderOf(h.state),
  title: '协助登记',
  assignee: { kind: 'volunteer', name: '王秀兰' },
  dueAt: hoursAfter(at, 24),
})
/** The case with one more volunteer's task, set an hour later. */
const withVolunteerTask = (h: History): History => step(h, planVolunteerTask(h, hoursAfter(h.at, 1)))

/** One situation: how to get there, and what the decider must answer. */
type Row = [situation: string, refusal: () => DomainError, expected: Expected]

/** The refusal of a command issued one hour after the history's last event. */
const onCase = (h: History, command: (at: string) => CaseCommand): DomainError =>
  caseErrorOf(given(h.events).when(command(hoursAfter(h.at, 1))))

const autoClosed = (): History => {
  const resolved = aCase({ status: 'resolved' })
  return step(resolved, { type: 'AutoCloseCase', at: resolved.state.autoCloseBy!, actor: 'system' })
}

const CASE_ROWS: Row[] = [
  [
    'the same report submitted again',
    () => caseErrorOf(decideCase(aSubmitCase(), aCase().state)),
    { code: 'CONFLICT', message: '该反映已提交，请勿重复提交', reason: 'DUPLICATE_REQUEST' },
  ],
  [
    'accepting a case already accepted',
    () => {
      const h = aCase({ status: 'in_progress' })
      return onCase(h, (at) => ({ type: 'AcceptCase', at, actor: holderOf(h.state) }))
    },
    { code: 'CONFLICT', message: '该反映已受理', reason: 'CASE_ALREADY_ACCEPTED' },
  ],
  [
    'accepting a resolved case',
    () => {
      const h = aCase({ status: 'resolved' })
      return onCase(h, (at) => ({ type: 'AcceptCase', at, actor: holderOf(h.state) }))
    },
    { code: 'CONFLICT', message: '该反映已办结，无需受理', reason: 'CASE_CLOSED' },
  ],
  [
    'resolving a case not yet accepted',
    () => {
      const h = aCase({ status: 'pending' })
      return onCase(h, (at) => ({ type: 'ResolveCase', at, actor: holderOf(h.state), outcome: 'solved', resolution: '已修好' }))
    },
    { code: 'CONFLICT', message: '请先受理该反映，再登记办理结果', reason: 'CASE_NOT_ACCEPTED' },
  ],
  [
    'resolving a resolved case',
    () => {
      const h = aCase({ status: 'resolved' })
      return onCase(h, (at) => ({ type: 'ResolveCase', at, actor: holderOf(h.state), outcome: 'solved', resolution: '已修好' }))
    },
    { code: 'CONFLICT', message: '该反映已办结', reason: 'CASE_CLOSED' },
  ],
  [
    'escalating a resolved case',
    () => {
      const h = aCase({ status: 'resolved' })
      return onCase(h, (at) => ({ type: 'EscalateCase', at, actor: holderOf(h.state), reason: '请上级协调' }))
    },
    { code: 'CONFLICT', message: '该反映已办结，不能再上报', reason: 'CASE_CLOSED' },
  ],
  [
    'escalating a case at the province',
    () => {
      const h = aCase({ level: 'province', status: 'in_progress' })
      return onCase(h, (at) => ({ type: 'EscalateCase', at, actor: holderOf(h.state), reason: '请上级协调' }))
    },
    { code: 'CONFLICT', message: '该反映已在省级办理，无法继续上报', reason: 'TOP_LEVEL' },
  ],
  [
    'handing back a resolved case',
    () => {
      const h = aCase({ level: 'township', status: 'resolved' })
      return onCase(h, (at) => ({
        type: 'HandBackCase',
        at,
        actor: cadreAt('township'),
        toOrgId: h.state.chain.village,
        instructions: '请村里跟进',
      }))
    },
    { code: 'CONFLICT', message: '该反映已办结，不能再交回下级办理', reason: 'CASE_CLOSED' },
  ],
  [
    'assigning a department to a resolved case',
    () => {
      const h = aCase({ status: 'resolved' })
      return onCase(h, (at) => ({ type: 'AssignDepartment', at, actor: holderOf(h.state), department: '供电所', note: '' }))
    },
    { code: 'CONFLICT', message: '该反映已办结，不能再交办部门', reason: 'CASE_CLOSED' },
  ],
  [
    "recording a department's reply on a resolved case",
    () => {
      const h = aCase({ status: 'resolved' })
      return onCase(h, (at) => ({ type: 'RecordDepartmentReply', at, actor: holderOf(h.state), reply: '已处理' }))
    },
    { code: 'CONFLICT', message: '该反映当前不在办理中，无法登记部门回复', reason: 'CASE_CLOSED' },
  ],
  [
    "recording a department's reply on a case not yet accepted",
    () => {
      const h = aCase({ status: 'pending' })
      return onCase(h, (at) => ({ type: 'RecordDepartmentReply', at, actor: holderOf(h.state), reply: '已处理' }))
    },
    { code: 'CONFLICT', message: '该反映当前不在办理中，无法登记部门回复', reason: 'CASE_NOT_ACCEPTED' },
  ],
  [
    'rating a case still in progress',
    () => onCase(aCase({ status: 'in_progress' }), (at) => ({ type: 'RateCase', at, actor: REPORTER, solved: 'yes', satisfaction: 'satisfied' })),
    { code: 'CONFLICT', message: '反映办结后才能评价', reason: 'CASE_NOT_RESOLVED' },
  ],
  [
    'rating a case her rating closed',
    () => onCase(aCase({ status: 'closed' }), (at) => ({ type: 'RateCase', at, actor: REPORTER, solved: 'no', satisfaction: 'unsatisfied', reopen: true })),
    { code: 'CONFLICT', message: '该反映已关闭，不能再进行操作', reason: 'ALREADY_RATED' },
  ],
  [
    'rating a case that closed by itself, unrated',
    () => onCase(autoClosed(), (at) => ({ type: 'RateCase', at, actor: REPORTER, solved: 'yes', satisfaction: 'satisfied' })),
    { code: 'CONFLICT', message: '该反映已关闭，不能再进行操作', reason: 'CASE_CLOSED' },
  ],
  [
    'handling a closed case',
    () => {
      const h = aCase({ status: 'closed' })
      return onCase(h, (at) => ({ type: 'EscalateCase', at, actor: holderOf(h.state), reason: '请上级协调' }))
    },
    { code: 'CONFLICT', message: '该反映已关闭，不能再进行操作', reason: 'CASE_CLOSED' },
  ],
  [
    'withdrawing a withdrawn case',
    () => onCase(aCase({ status: 'withdrawn' }), (at) => ({ type: 'WithdrawCase', at, actor: REPORTER })),
    { code: 'CONFLICT', message: '该反映已撤回，不能再进行操作', reason: 'CASE_CLOSED' },
  ],
  [
    'withdrawing a resolved case',
    () => onCase(aCase({ status: 'resolved' }), (at) => ({ type: 'WithdrawCase', at, actor: REPORTER })),
    { code: 'CONFLICT', message: '该反映已办结，不能撤回', reason: 'CASE_CLOSED' },
  ],
  [
    'a missed deadline on a resolved case (the timer)',
    () => onCase(aCase({ status: 'resolved' }), (at) => ({ type: 'MissDeadline', at, actor: 'system' })),
    { code: 'CONFLICT', message: '该反映已不在办理期限内', reason: 'CASE_CLOSED' },
  ],
  [
    'urging again, from the same org, within the interval',
    () => {
      const h = aCase()
      const urged = step(h, { type: 'UrgeCase', at: hoursAfter(h.at, 1), actor: cadreAt('township') })
      return onCase(urged, (at) => ({ type: 'UrgeCase', at, actor: cadreAt('township') }))
    },
    { code: 'CONFLICT', message: '本单位 24 小时内已催办过该反映，请稍后再催', reason: 'ALREADY_URGED' },
  ],
  [
    'transferring, as the holder, more than 48 hours after it arrived',
    () => {
      const h = aCase()
      return caseErrorOf(
        given(h.events).when({ type: 'TransferCase', at: hoursAfter(h.at, 48), actor: holderOf(h.state), toOrgId: 'v-2', reason: '不属本村', chain: aChain({ village: 'v-2' }) }),
      )
    },
    { code: 'CONFLICT', message: '反映到达本级已超过 48 小时，不能再转办；确属转错的，请上一级妇联转办', reason: 'TRANSFER_TOO_LATE' },
  ],
  [
    'transferring a case at the province',
    () => {
      const h = aCase({ level: 'province' })
      return onCase(h, (at) => ({ type: 'TransferCase', at, actor: holderOf(h.state), toOrgId: 'p-2', reason: '不属本省', chain: null }))
    },
    { code: 'CONFLICT', message: '该反映在省级办理，没有可以转办的同级单位', reason: 'TOP_LEVEL' },
  ],
  [
    'asking for an extension once the resolve deadline has passed',
    () => {
      const h = aCase({ status: 'in_progress' })
      return caseErrorOf(given(h.events).when({ type: 'RequestExtension', at: h.state.resolveBy, actor: holderOf(h.state), days: 3, reason: '需要等鉴定结果' }))
    },
    { code: 'CONFLICT', message: '办结期限已过，不能再申请延期', reason: 'DEADLINE_PASSED' },
  ],
  [
    'asking for a second extension at the same level',
    () => {
      const h = aCase({ status: 'in_progress' })
      const asked = step(h, { type: 'RequestExtension', at: hoursAfter(h.at, 1), actor: holderOf(h.state), days: 3, reason: '需要等鉴定结果' })
      return onCase(asked, (at) => ({ type: 'RequestExtension', at, actor: holderOf(h.state), days: 2, reason: '还要再等' }))
    },
    { code: 'CONFLICT', message: '本级已申请过延期，每一级只能申请一次', reason: 'EXTENSION_USED' },
  ],
  [
    'deciding an extension nobody asked for',
    () => {
      const h = aCase({ status: 'in_progress' })
      return onCase(h, (at) => ({ type: 'DecideExtension', at, actor: cadreAt('township'), approve: true }))
    },
    { code: 'CONFLICT', message: '没有待审批的延期申请', reason: 'NO_EXTENSION_REQUEST' },
  ],
  [
    'approving an extension once the resolve deadline has passed',
    () => {
      const h = aCase({ status: 'in_progress' })
      const asked = step(h, { type: 'RequestExtension', at: hoursAfter(h.at, 1), actor: holderOf(h.state), days: 3, reason: '需要等鉴定结果' })
      return caseErrorOf(given(asked.events).when({ type: 'DecideExtension', at: h.state.resolveBy, actor: cadreAt('township'), approve: true }))
    },
    { code: 'CONFLICT', message: '办结期限已过，不能再批准延期', reason: 'DEADLINE_PASSED' },
  ],
  [
    'urging a resolved case',
    () => onCase(aCase({ status: 'resolved' }), (at) => ({ type: 'UrgeCase', at, actor: cadreAt('township') })),
    { code: 'CONFLICT', message: '该反映已办结，无需催办', reason: 'CASE_CLOSED' },
  ],
  [
    'taking over a resolved case',
    () => onCase(aCase({ status: 'resolved' }), (at) => ({ type: 'TakeOverCase', at, actor: cadreAt('county'), reason: '提级办理' })),
    { code: 'CONFLICT', message: '该反映已办结，不能再提级办理', reason: 'CASE_CLOSED' },
  ],
  [
    'resolving a case with an open 帮扶任务 and nothing said of it',
    () => {
      const h = withVolunteerTask(aCase({ status: 'in_progress' }))
      return onCase(h, (at) => ({ type: 'ResolveCase', at, actor: holderOf(h.state), outcome: 'solved', resolution: '已办好' }))
    },
    { code: 'CONFLICT', message: '还有 1 项帮扶任务未完成，请说明这些任务是已经完成还是不再需要', reason: 'OPEN_TASKS' },
  ],
  [
    'completing a 帮扶任务 already done',
    () => {
      const h = withVolunteerTask(aCase({ status: 'in_progress' }))
      const done = step(h, { type: 'CompleteTask', at: hoursAfter(h.at, 1), actor: holderOf(h.state), taskId: 't1' })
      return onCase(done, (at) => ({ type: 'CompleteTask', at, actor: holderOf(h.state), taskId: 't1' }))
    },
    { code: 'CONFLICT', message: '这项帮扶任务已经完成', reason: 'TASK_CLOSED' },
  ],
  [
    'a 帮扶方案 already full',
    () => {
      let h = aCase({ status: 'in_progress' })
      for (let i = 0; i < 20; i++) h = withVolunteerTask(h)
      return onCase(h, (at) => planVolunteerTask(h, at))
    },
    { code: 'CONFLICT', message: '一条反映最多安排 20 项帮扶任务', reason: 'TOO_MANY_TASKS' },
  ],
]

const inHand = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'case-1',
  holderOrgId: VILLAGE,
  status: 'in_progress',
  category: 'governance',
  title: '村口路灯坏了三个月',
  content: '晚上接孩子放学路上很黑，希望尽快修好。',
  ...overrides,
})

/** A deliberation its convener has closed. */
const closedCouncil = (): Council => {
  const council = new Council()
  council.close()
  return council
}

/** On the village council now, but not when the deliberation opened. */
const LATECOMER = aPerson('o-latecomer', { role: 'member', orgId: VILLAGE })

const DELIBERATION_ROWS: Row[] = [
  [
    'the same deliberation opened again',
    () => deliberationErrorOf(decideDeliberation(anOpen(), new Council().state)),
    { code: 'CONFLICT', message: '该议事已发起，请勿重复提交', reason: 'DUPLICATE_REQUEST' },
  ],
  [
    'a deliberation on a resolved case',
    () => deliberationErrorOf(decideDeliberation(anOpen({ case: inHand({ status: 'resolved' }) }), null)),
    { code: 'CONFLICT', message: '该反映已办结，不能再就它发起议事', reason: 'CASE_CLOSED' },
  ],
  [
    'voting on a closed deliberation',
    () => deliberationErrorOf(closedCouncil().vote(LI, [0])),
    { code: 'CONFLICT', message: '议事已结束，不能再投票', reason: 'DELIBERATION_CLOSED' },
  ],
  [
    'voting past the deadline, before the timer closed it',
    () => {
      const council = new Council()
      return deliberationErrorOf(
        council.try(() => ({ type: 'CastBallot', at: council.state.closesAt, actor: LI, choices: [0], current: null })),
      )
    },
    { code: 'CONFLICT', message: '投票已截止', reason: 'DELIBERATION_CLOSED' },
  ],
  [
    'a proxy ballot on a closed deliberation',
    () => deliberationErrorOf(closedCouncil().proxy(LI.openid, [0])),
    { code: 'CONFLICT', message: '议事已结束，不能再投票', reason: 'DELIBERATION_CLOSED' },
  ],
  [
    'commenting on a closed deliberation',
    () =>
      deliberationErrorOf(
        closedCouncil().try(({ at }) => ({ type: 'PostComment', at, actor: LI, commentId: 'c-1', text: '同意', actorName: '李' })),
      ),
    { code: 'CONFLICT', message: '议事已结束，不能再发表意见', reason: 'DELIBERATION_CLOSED' },
  ],
  [
    'closing a closed deliberation',
    () => deliberationErrorOf(closedCouncil().close()),
    { code: 'CONFLICT', message: '该议事已结束', reason: 'DELIBERATION_CLOSED' },
  ],
  [
    'reminding voters of a closed deliberation (the timer)',
    () => deliberationErrorOf(closedCouncil().try(({ at }) => ({ type: 'RemindVoters', at, actor: 'system' }))),
    { code: 'CONFLICT', message: '该议事已结束', reason: 'DELIBERATION_CLOSED' },
  ],
  [
    'a second group card while the first still has a while to run',
    () => {
      const council = new Council()
      const share = (activityId: string) =>
        council.try(({ at }) => ({ type: 'IssueShareCard', at, actor: LI, activityId, expiresAt: new Date(Date.parse(at) + 86_400_000).toISOString() }))
      share('act-1')
      return deliberationErrorOf(share('act-2'))
    },
    { code: 'CONFLICT', message: '群卡片仍然有效', reason: 'CARD_STILL_VALID' },
  ],
  [
    'the convener reminds again within six hours',
    () => {
      const council = new Council()
      const nudge = () => council.try(({ at }) => ({ type: 'NudgeVoters', at, actor: CONVENER, owed: 2 }))
      nudge()
      return deliberationErrorOf(nudge())
    },
    { code: 'CONFLICT', message: '刚刚提醒过，同一议事每 6 小时最多提醒一次', reason: 'ALREADY_REMINDED' },
  ],
  [
    'the convener reminds when the others have all voted',
    () => deliberationErrorOf(new Council().try(({ at }) => ({ type: 'NudgeVoters', at, actor: CONVENER, owed: 0 }))),
    { code: 'CONFLICT', message: '其他成员都已投票，无需提醒', reason: 'EVERYONE_VOTED' },
  ],
  [
    'a member who joined after it opened votes',
    () => deliberationErrorOf(new Council().vote(LATECOMER, [0])),
    { code: 'FORBIDDEN', message: '只有本议事会成员可以投票', reason: 'NOT_ON_ROLL' },
  ],
  [
    'a proxy ballot for someone not on the roll',
    () => deliberationErrorOf(new Council().proxy(LATECOMER.openid, [0])),
    { code: 'INVALID_INPUT', message: '该成员不在本次议事的成员名单中', reason: 'NOT_ON_ROLL' },
  ],
  [
    'a proxy ballot for a member who voted herself',
    () => {
      const council = new Council()
      council.vote(LI, [1])
      return deliberationErrorOf(council.proxy(LI.openid, [0]))
    },
    { code: 'CONFLICT', message: '该成员已亲自投票，不能代录', reason: 'VOTED_IN_PERSON' },
  ],
]

/** Refusals the app has nothing to tell apart: the code and the message say it all. */
const WITHOUT_REASON: Row[] = [
  [
    'a stranger handles a case',
    () => onCase(aCase(), (at) => ({ type: 'AcceptCase', at, actor: STRANGER })),
    { code: 'FORBIDDEN', message: '只有当前承办组织的议事会主任或妇联干部可以办理该反映' },
  ],
  [
    'the holder urging its own case',
    () => {
      const h = aCase()
      return onCase(h, (at) => ({ type: 'UrgeCase', at, actor: holderOf(h.state) }))
    },
    { code: 'FORBIDDEN', message: '只有上级妇联干部可以催办或提级办理该反映' },
  ],
  [
    'the timer, before the deadline',
    () => onCase(aCase(), (at) => ({ type: 'MissDeadline', at, actor: 'system' })),
    { code: 'CONFLICT', message: '办理期限尚未到期' },
  ],
  [
    'a resident votes',
    () => deliberationErrorOf(new Council().vote(RESIDENT, [0])),
    { code: 'FORBIDDEN', message: '只有本议事会成员可以投票' },
  ],
  [
    "another village's member votes",
    () => deliberationErrorOf(new Council().vote(OTHER_MEMBER, [0])),
    { code: 'FORBIDDEN', message: '只有本议事会成员可以投票' },
  ],
  [
    'the timer closing it before the deadline',
    () => deliberationErrorOf(new Council().close('system')),
    { code: 'CONFLICT', message: '尚未到截止时间' },
  ],
]

describe('the case decider', () => {
  test.each(CASE_ROWS)('%s', (_situation, refusal, expected) => {
    expect(refusal()).toEqual(expected)
  })
})

describe('the deliberation decider', () => {
  test.each(DELIBERATION_ROWS)('%s', (_situation, refusal, expected) => {
    expect(refusal()).toEqual(expected)
  })

  test('the convener is on the roll: her own ballot is no latecomer', () => {
    expect(new Council().vote(CONVENER, [0]).ok).toBe(true)
  })
})

describe('no reason where there is nothing to tell apart', () => {
  test.each(WITHOUT_REASON)('%s', (_situation, refusal, expected) => {
    const error = refusal()
    expect(error).toEqual(expected)
    expect(error).not.toHaveProperty('reason')
  })
})

describe('FAILURE_REASONS against the deciders', () => {
  /** Given by the shell, not the domain: configuration, the WeChat group, a write that kept losing. */
  const SHELL_REASONS: readonly FailureReason[] = ['NOT_CONFIGURED', 'GROUP_BOUND_ELSEWHERE', 'GROUP_TICKET_STALE', 'BUSY']
  const reached = new Set([...CASE_ROWS, ...DELIBERATION_ROWS].map(([, , expected]) => expected.reason))

  test('every reason the domain gives is reached above', () => {
    const domainReasons = FAILURE_REASONS.filter((reason) => !SHELL_REASONS.includes(reason))
    expect(domainReasons).toEqual([
      'CASE_CLOSED',
      'CASE_ALREADY_ACCEPTED',
      'CASE_NOT_ACCEPTED',
      'CASE_NOT_RESOLVED',
      'ALREADY_RATED',
      'TOP_LEVEL',
      'ALREADY_URGED',
      'TRANSFER_TOO_LATE',
      'DEADLINE_PASSED',
      'EXTENSION_USED',
      'NO_EXTENSION_REQUEST',
      'DUPLICATE_REQUEST',
      'DELIBERATION_CLOSED',
      'NOT_ON_ROLL',
      'VOTED_IN_PERSON',
      'CARD_STILL_VALID',
      'ALREADY_REMINDED',
      'EVERYONE_VOTED',
      'OPEN_TASKS',
      'TASK_CLOSED',
      'TOO_MANY_TASKS',
    ])
    expect(domainReasons.filter((reason) => !reached.has(reason))).toEqual([])
  })

  test("the shell's reasons are in the contract, and the rows use only listed ones", () => {
    for (const reason of SHELL_REASONS) expect(FAILURE_REASONS).toContain(reason)
    expect([...reached].filter((reason) => reason === undefined || !FAILURE_REASONS.includes(reason))).toEqual([])
  })
})
