/**
 * The deliberation as a decider: decide(command, state) -> events | error; evolve (in
 * deliberation.evolve.ts) folds them. The same order of checks as the case decider: the command's
 * time, existence, who is asking (FORBIDDEN), the state (CONFLICT), then the arguments (INVALID_INPUT).
 *
 * Choices worth knowing:
 * - The electorate is the council (members and convener) at open; the quorum counts it.
 * - A member's own ballot replaces a proxy ballot; a proxy never replaces her own ballot.
 * - Casting the same choices again decides nothing (no events): a retried tap is not a change.
 * - Votes stop at the deadline even before the timer has closed the deliberation.
 * - On a sensitive case the title and background go to every member and to notifications, so text
 *   copied from the case (its title, or any 10 characters of its content in a row) is refused: the
 *   convener writes the question in neutral words. Notifications and share cards use a fixed neutral
 *   title on top of that (deliberation.view.ts).
 */
import { SENSITIVE_CATEGORIES } from '../../../types/enums'
import type { ErrorCode, FailureReason } from '../../../types/envelope'
import type { ActedBy, Person } from './actor.types'
import { DEFAULT_DELIBERATION_POLICY, type DeliberationPolicy } from './deliberation.config'
import { assertNever, domainError, type DomainError } from './domain.errors'
import { HOUR_MS, DAY_MS, addMs, isAfter, isAtOrAfter, isInstant, toMs } from './iso-time'
import { chainProblem } from './org-ladder'
import { allowedBindings } from './authorization.table'
import { canClose, canComment, canOpen, canProxyVote, canShare, canVote, commentRole, isElector, manages } from './deliberation.access'
import { NUDGE_EVERY_HOURS, cardExpired, needsNewCard, nextNudgeAt } from './deliberation.card'
import type * as C from './deliberation.commands'
import type * as E from './deliberation.events'
import type { DeliberationState } from './deliberation.state'
import { defaultQuorum, tally } from './deliberation.tally'

export { evolve, fold, ballotAfter, commentOf } from './deliberation.evolve'

export type DeliberationDecision =
  | { ok: true; events: E.DeliberationEvent[] }
  | { ok: false; error: DomainError }

export function decide(
  command: C.DeliberationCommand,
  state: DeliberationState | null,
  policy: DeliberationPolicy = DEFAULT_DELIBERATION_POLICY,
): DeliberationDecision {
  if (!isInstant(command.at)) return reject('INVALID_INPUT', '操作时间无效')
  if (command.type === 'OpenDeliberation') return openDeliberation(command, state, policy)
  if (state === null) return reject('NOT_FOUND', '没有找到该议事')

  switch (command.type) {
    case 'CastBallot':
      return castBallot(command, state)
    case 'CastProxyBallot':
      return castProxyBallot(command, state)
    case 'PostComment':
      return postComment(command, state)
    case 'CloseDeliberation':
      return closeDeliberation(command, state)
    case 'RemindVoters':
      return remindVoters(command, state)
    case 'NoteCaseResult':
      return noteCaseResult(command, state)
    case 'IssueShareCard':
      return issueShareCard(command, state)
    case 'NudgeVoters':
      return nudgeVoters(command, state)
    case 'RefreshCouncilName':
      return refreshCouncilName(command, state)
    default:
      return assertNever(command)
  }
}

function openDeliberation(c: C.OpenDeliberation, state: DeliberationState | null, policy: DeliberationPolicy): DeliberationDecision {
  if (c.actor === 'system' || !canOpen(c.actor, c.orgId, c.chain)) {
    return reject('FORBIDDEN', '只有本村（社区）议事会主任或妇联干部可以发起议事')
  }
  if (state !== null) return reject('CONFLICT', '该议事已发起，请勿重复提交', 'DUPLICATE_REQUEST')
  if (blank(c.deliberationId)) return reject('INVALID_INPUT', '议事编号无效')
  const chainError = chainProblem(c.chain, c.orgId)
  if (chainError) return reject(chainError.code, '只有村（社区）议事会可以发起议事')
  if (c.case) {
    if (c.case.holderOrgId !== c.orgId) return reject('CONFLICT', '该反映已不由本议事会办理，不能就它发起议事')
    if (c.case.status !== 'pending' && c.case.status !== 'in_progress') {
      return reject('CONFLICT', '该反映已办结，不能再就它发起议事', 'CASE_CLOSED')
    }
  }
  const electorate = uniqueElectors(c.electorate)
  if (electorate.length === 0) return reject('CONFLICT', '该议事会还没有成员，无法发起议事')

  if (blank(c.title)) return reject('INVALID_INPUT', '请填写议题')
  if (blank(c.background)) return reject('INVALID_INPUT', '请填写议题背景')
  const options = Array.isArray(c.options) ? c.options.map((o) => (typeof o === 'string' ? o.trim() : '')) : []
  if (options.length < policy.minOptions) return reject('INVALID_INPUT', `至少需要 ${policy.minOptions} 个选项`)
  if (options.length > policy.maxOptions) return reject('INVALID_INPUT', `最多 ${policy.maxOptions} 个选项`)
  if (options.some((o) => o === '')) return reject('INVALID_INPUT', '选项内容不能为空')
  if (new Set(options).size !== options.length) return reject('INVALID_INPUT', '选项不能重复')

  if (!isInstant(c.closesAt)) return reject('INVALID_INPUT', '截止时间格式不正确')
  if (!isAtOrAfter(c.closesAt, addMs(c.at, policy.minOpenHours * HOUR_MS))) {
    return reject('INVALID_INPUT', `截止时间至少在 ${policy.minOpenHours} 小时之后`)
  }
  if (isAfter(c.closesAt, addMs(c.at, policy.maxOpenDays * DAY_MS))) {
    return reject('INVALID_INPUT', `截止时间不能超过 ${policy.maxOpenDays} 天`)
  }

  const quorum = c.quorum ?? defaultQuorum(electorate.length, policy.quorum)
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > electorate.length) {
    return reject('INVALID_INPUT', `法定人数应在 1 到 ${electorate.length}（议事会成员数）之间`)
  }
  const passRatio = c.passRatio ?? policy.passRatio
  if (!(passRatio >= policy.minPassRatio && passRatio <= policy.maxPassRatio)) {
    return reject('INVALID_INPUT', '通过比例应在半数到 99% 之间')
  }
  const remindHours = c.remindHoursBefore ?? policy.remindHoursBefore
  if (!(Number.isFinite(remindHours) && remindHours > 0)) return reject('INVALID_INPUT', '提醒时间无效')

  const sensitive = c.case !== undefined && SENSITIVE_CATEGORIES.includes(c.case.category)
  const facts = c.case
  if (sensitive && facts && [c.title, c.background, ...options].some((text) => copiesCase(text, facts))) {
    return reject('INVALID_INPUT', PRIVATE_CASE_TEXT)
  }

  const closesAt = new Date(c.closesAt).toISOString()
  return accepted({
    type: 'DeliberationOpened',
    at: c.at,
    by: { openid: c.actor.openid, role: roleAt(c.actor, c.orgId) },
    deliberationId: c.deliberationId,
    orgId: c.orgId,
    chain: { ...c.chain },
    orgName: c.orgName,
    ...(c.case && { caseId: c.case.caseId }),
    sensitive,
    title: c.title.trim(),
    background: c.background.trim(),
    options,
    multiple: c.multiple,
    anonymous: c.anonymous,
    quorum,
    passRatio,
    electorate,
    closesAt,
    remindAt: remindAt(c.at, closesAt, remindHours),
  })
}

function castBallot(c: C.CastBallot, state: DeliberationState): DeliberationDecision {
  if (c.actor === 'system' || !canVote(c.actor, state)) {
    // On the council now but not when it opened: the roll was taken then (the vote row is own-only,
    // so the org id alone places her binding).
    const late =
      c.actor !== 'system' &&
      !isElector(state, c.actor.openid) &&
      allowedBindings(c.actor, 'deliberation.vote', [state.orgId]).length > 0
    return reject('FORBIDDEN', '只有本议事会成员可以投票', late ? 'NOT_ON_ROLL' : undefined)
  }
  const open = openForBallots(state, c.at)
  if (open) return open
  const invalid = choicesProblem(c.choices, state)
  if (invalid) return invalid
  const current = ballotOf(c.current, state, c.actor.openid)
  const choices = normalized(c.choices)
  // The same choices again, by her own hand: nothing changes (a retried tap).
  if (current && !current.proxy && sameChoices(current.choices, choices)) return accepted()
  return accepted({
    type: 'BallotCast',
    at: c.at,
    by: { openid: c.actor.openid, role: roleAt(c.actor, state.orgId) },
    voterOpenid: c.actor.openid,
    choices,
    replaced: current ? [...current.choices] : null,
  })
}

function castProxyBallot(c: C.CastProxyBallot, state: DeliberationState): DeliberationDecision {
  if (c.actor === 'system' || !canProxyVote(c.actor, state)) return reject('FORBIDDEN', '只有议事会主任可以代录投票')
  const open = openForBallots(state, c.at)
  if (open) return open
  if (c.memberOpenid === c.actor.openid) return reject('INVALID_INPUT', '本人投票请直接投票，无需代录')
  if (!state.electorate.some((e) => e.openid === c.memberOpenid)) {
    return reject('INVALID_INPUT', '该成员不在本次议事的成员名单中', 'NOT_ON_ROLL')
  }
  const current = ballotOf(c.current, state, c.memberOpenid)
  // Her own ballot is her own word: a phone call relayed by someone else never overrides it.
  if (current && !current.proxy) return reject('CONFLICT', '该成员已亲自投票，不能代录', 'VOTED_IN_PERSON')
  if (blank(c.note)) return reject('INVALID_INPUT', '请填写代录说明（如：电话确认）')
  const invalid = choicesProblem(c.choices, state)
  if (invalid) return invalid
  return accepted({
    type: 'BallotCast',
    at: c.at,
    by: { openid: c.actor.openid, role: 'convener' },
    voterOpenid: c.memberOpenid,
    choices: normalized(c.choices),
    replaced: current ? [...current.choices] : null,
    proxy: { byOpenid: c.actor.openid, byName: c.actorName, note: c.note.trim() },
  })
}

function postComment(c: C.PostComment, state: DeliberationState): DeliberationDecision {
  const role = c.actor === 'system' ? null : commentRole(c.actor, state)
  if (c.actor === 'system' || role === null || !canComment(c.actor, state)) {
    return reject('FORBIDDEN', '只有本议事会成员和妇联干部可以发表意见')
  }
  if (state.status === 'closed') return reject('CONFLICT', '议事已结束，不能再发表意见', 'DELIBERATION_CLOSED')
  if (blank(c.commentId)) return reject('INVALID_INPUT', '意见编号无效')
  if (blank(c.text)) return reject('INVALID_INPUT', '请填写意见')
  return accepted({
    type: 'CommentPosted',
    at: c.at,
    by: { openid: c.actor.openid, role },
    commentId: c.commentId,
    authorName: c.actorName,
    authorRole: role,
    text: c.text.trim(),
  })
}

function closeDeliberation(c: C.CloseDeliberation, state: DeliberationState): DeliberationDecision {
  if (!canClose(c.actor, state)) return reject('FORBIDDEN', '只有议事会主任或妇联干部可以结束议事')
  if (state.status === 'closed') return reject('CONFLICT', '该议事已结束', 'DELIBERATION_CLOSED')
  if (c.actor === 'system' && !isAtOrAfter(c.at, state.closesAt)) return reject('CONFLICT', '尚未到截止时间')
  return accepted({
    type: 'DeliberationClosed',
    at: c.at,
    ...(c.actor !== 'system' && { by: { openid: c.actor.openid, role: roleAt(c.actor, state.orgId) } }),
    result: tally(state),
    counts: [...state.counts],
    ballotCount: state.ballotCount,
  })
}

function remindVoters(c: C.RemindVoters, state: DeliberationState): DeliberationDecision {
  if (c.actor !== 'system') return reject('FORBIDDEN', '该操作只能由系统执行')
  if (state.status === 'closed') return reject('CONFLICT', '该议事已结束', 'DELIBERATION_CLOSED')
  if (state.remindedAt !== undefined) return reject('CONFLICT', '已经提醒过')
  if (!isAtOrAfter(c.at, state.remindAt)) return reject('CONFLICT', '尚未到提醒时间')
  // Past the deadline a reminder only confuses: the close is what is due.
  if (isAtOrAfter(c.at, state.closesAt)) return reject('CONFLICT', '投票已截止')
  return accepted({ type: 'VotersReminded', at: c.at })
}

function noteCaseResult(c: C.NoteCaseResult, state: DeliberationState): DeliberationDecision {
  if (c.actor !== 'system') return reject('FORBIDDEN', '该操作只能由系统执行')
  if (state.caseId === undefined) return reject('CONFLICT', '该议事不涉及反映')
  if (state.status !== 'closed') return reject('CONFLICT', '议事尚未结束')
  if (state.resultOnCase !== undefined) return reject('CONFLICT', '结果已记录')
  return accepted({ type: 'CaseResultNoted', at: c.at, written: c.written === true })
}

/**
 * The system follows a rename of the council's village. Only an open deliberation keeps the name (a
 * closed one reads it), and the same name is no change: either decides nothing, so a refresh that
 * raced a close, or ran twice, is no error.
 */
function refreshCouncilName(c: C.RefreshCouncilName, state: DeliberationState): DeliberationDecision {
  if (c.actor !== 'system') return reject('FORBIDDEN', '该操作只能由系统执行')
  if (state.status !== 'open' || state.orgName === c.orgName) return accepted()
  return accepted({ type: 'CouncilRenamed', at: c.at, orgName: c.orgName })
}

/**
 * A card is shared by whoever sits on the council (or runs it) while it is open; a second id while the
 * stored one still has a while to run is refused, so two members sharing at once keep one card.
 */
function issueShareCard(c: C.IssueShareCard, state: DeliberationState): DeliberationDecision {
  if (c.actor === 'system' || !canShare(c.actor, state)) return reject('FORBIDDEN', '只有本议事会成员可以把议事分享到群里')
  const open = openForBallots(state, c.at)
  if (open) return reject('CONFLICT', '议事已结束，群里的卡片不再更新', 'DELIBERATION_CLOSED')
  if (!needsNewCard(state.shareCard, c.at)) return reject('CONFLICT', '群卡片仍然有效', 'CARD_STILL_VALID')
  if (blank(c.activityId) || !isInstant(c.expiresAt) || cardExpired({ activityId: c.activityId, expiresAt: c.expiresAt, issuedAt: c.at }, c.at)) {
    return reject('INVALID_INPUT', '群卡片编号无效')
  }
  return accepted({
    type: 'ShareCardIssued',
    at: c.at,
    by: { openid: c.actor.openid, role: roleAt(c.actor, state.orgId) },
    activityId: c.activityId,
    expiresAt: new Date(c.expiresAt).toISOString(),
  })
}

/** 提醒未投票的成员: those who run it, while votes are taken, someone still owed, once in a while. */
function nudgeVoters(c: C.NudgeVoters, state: DeliberationState): DeliberationDecision {
  if (c.actor === 'system' || !manages(c.actor, state)) return reject('FORBIDDEN', '只有议事会主任或妇联干部可以提醒未投票的成员')
  const open = openForBallots(state, c.at)
  if (open) return reject('CONFLICT', '议事已结束，无需再提醒', 'DELIBERATION_CLOSED')
  const next = nextNudgeAt(state.nudgedAt, c.at)
  if (next) return reject('CONFLICT', `刚刚提醒过，${NUDGE_WAIT}`, 'ALREADY_REMINDED')
  if (!(c.owed > 0)) return reject('CONFLICT', '其他成员都已投票，无需提醒', 'EVERYONE_VOTED')
  return accepted({ type: 'VotersNudged', at: c.at, by: { openid: c.actor.openid, role: roleAt(c.actor, state.orgId) } })
}

const NUDGE_WAIT = `同一议事每 ${NUDGE_EVERY_HOURS} 小时最多提醒一次`

/** Closed, or past the deadline the timer has not reached yet: no more ballots. */
function openForBallots(state: DeliberationState, at: string): DeliberationDecision | null {
  if (state.status === 'closed') return reject('CONFLICT', '议事已结束，不能再投票', 'DELIBERATION_CLOSED')
  if (isAtOrAfter(at, state.closesAt)) return reject('CONFLICT', '投票已截止', 'DELIBERATION_CLOSED')
  return null
}

function choicesProblem(choices: unknown, state: DeliberationState): DeliberationDecision | null {
  if (!Array.isArray(choices) || choices.length === 0) return reject('INVALID_INPUT', '请至少选择一项')
  if (!choices.every((i) => Number.isInteger(i) && i >= 0 && i < state.options.length)) {
    return reject('INVALID_INPUT', '所选选项不存在')
  }
  if (new Set(choices).size !== choices.length) return reject('INVALID_INPUT', '同一选项不能重复选择')
  if (!state.multiple && choices.length !== 1) return reject('INVALID_INPUT', '本次表决为单选，只能选择一项')
  return null
}

/** The stored ballot, if it really is this voter's in this deliberation (a handler bug must not move counts). */
function ballotOf(current: C.CastBallot['current'], state: DeliberationState, voter: string) {
  if (!current) return null
  if (current.deliberationId !== state.id || current.voterOpenid !== voter) return null
  return current
}

const normalized = (choices: number[]): number[] => [...choices].sort((a, b) => a - b)

const sameChoices = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && normalized([...a]).every((v, i) => v === b[i])

function uniqueElectors(electorate: C.OpenDeliberation['electorate']) {
  const seen = new Set<string>()
  const unique = (Array.isArray(electorate) ? electorate : []).filter((e) => {
    if (!e || blank(e.openid) || seen.has(e.openid)) return false
    seen.add(e.openid)
    return true
  })
  return unique.map((e) => ({ openid: e.openid, name: typeof e.name === 'string' ? e.name : '' }))
}

/**
 * The reminder goes `hours` before the deadline, but never in the first half of a short
 * deliberation: right after the invitation a reminder is noise.
 */
function remindAt(openedAt: string, closesAt: string, hours: number): string {
  const before = toMs(closesAt) - hours * HOUR_MS
  const half = toMs(openedAt) + (toMs(closesAt) - toMs(openedAt)) / 2
  return new Date(Math.round(Math.max(before, half))).toISOString()
}

/** Text copied from a sensitive case: its title, or any run of 10 characters of its content. */
function copiesCase(text: string, facts: C.CaseFacts): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, '')
  const mine = squeeze(text)
  const title = squeeze(facts.title)
  if (title.length >= 4 && mine.includes(title)) return true
  const content = [...squeeze(facts.content)]
  const RUN = 10
  for (let i = 0; i + RUN <= content.length; i++) {
    if (mine.includes(content.slice(i, i + RUN).join(''))) return true
  }
  return false
}

/** The role she acts in at the org: convener before cadre before member. */
function roleAt(actor: Person, orgId: string): ActedBy['role'] {
  for (const role of ['convener', 'cadre', 'member'] as const) {
    if (actor.roles.some((b) => b.orgId === orgId && b.role === role)) return role
  }
  return 'resident'
}

const PRIVATE_CASE_TEXT =
  '该反映涉及个人隐私：议题、背景和选项会发给全体成员，请用概括的说法，不要照抄反映内容'

const accepted = (...events: E.DeliberationEvent[]): DeliberationDecision => ({ ok: true, events })

const reject = (code: ErrorCode, message: string, reason?: FailureReason): DeliberationDecision => ({
  ok: false,
  error: domainError(code, message, reason),
})

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === ''
