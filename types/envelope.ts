/**
 * Every reply of every function is an envelope. Error codes are strings because they cross the
 * process boundary, where `instanceof` does not.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * A stable why, under the code, for the failures the app (or an operator) must tell apart: the code
 * says how to react in general (CONFLICT: refresh), the reason says what happened. The message stays
 * the words for the person; the app branches on the reason, never on the words.
 */
export const FAILURE_REASONS = [
  /** The function's environment variables are missing or unfit (runtime/configuration.check.ts). */
  'NOT_CONFIGURED',
  /** The case is resolved, closed or withdrawn: the action no longer applies. */
  'CASE_CLOSED',
  /** Accepting a case someone already accepted. */
  'CASE_ALREADY_ACCEPTED',
  /** Resolving a case not yet accepted. */
  'CASE_NOT_ACCEPTED',
  /** Rating a case that is not resolved yet. */
  'CASE_NOT_RESOLVED',
  'ALREADY_RATED',
  /** Escalating a case already at the province. */
  'TOP_LEVEL',
  /** 催办 again by the same org before the interval is over (domain.config.ts urgeIntervalHours). */
  'ALREADY_URGED',
  /** 转办 by the holder after its window (domain.config.ts transferWithinHours): the parent org may. */
  'TRANSFER_TOO_LATE',
  /** 延期 asked, or approved, once the resolve deadline has passed. */
  'DEADLINE_PASSED',
  /** A second 延期 request at the same level (one per level). */
  'EXTENSION_USED',
  /** Deciding a 延期 with none pending. */
  'NO_EXTENSION_REQUEST',
  /** The same report or deliberation sent twice. */
  'DUPLICATE_REQUEST',
  'DELIBERATION_CLOSED',
  /** She is not on the roll taken when the deliberation opened. */
  'NOT_ON_ROLL',
  /** A proxy ballot for a member who already voted herself. */
  'VOTED_IN_PERSON',
  'GROUP_BOUND_ELSEWHERE',
  /** The WeChat group ticket expired: reopen the mini-program from the group. */
  'GROUP_TICKET_STALE',
  /** deliberation.shareCard: the card's activity id still has a while to run (another member just shared it). */
  'CARD_STILL_VALID',
  /** deliberation.remindVoters again within its interval (deliberation.card.ts NUDGE_EVERY_HOURS). */
  'ALREADY_REMINDED',
  /** deliberation.remindVoters when every member on the roll has voted. */
  'EVERYONE_VOTED',
  /** Someone else changed the same thing at the same moment, again and again: try again. */
  'BUSY',
  /** 办结 of a case whose 帮扶方案 has open tasks, without saying what became of them. */
  'OPEN_TASKS',
  /** A 帮扶任务 already done (or settled when the case was resolved). */
  'TASK_CLOSED',
  /** A case's 帮扶方案 is full (domain/help-plan.rules.ts MAX_TASKS). */
  'TOO_MANY_TASKS',
] as const
export type FailureReason = (typeof FAILURE_REASONS)[number]

/** One field-level problem: where (a dotted path) and what, in Chinese. */
export interface FieldIssue {
  path: string
  message: string
}

export interface AppError {
  code: ErrorCode
  /** Chinese, written for the person holding the phone. */
  message: string
  issues?: FieldIssue[]
  /** Set on INTERNAL so a report from the field can be matched to the log line. */
  requestId?: string
  /** A stable why the app can branch on (FAILURE_REASONS). */
  reason?: FailureReason
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[], reason?: FailureReason): Envelope<never> => ({
  ok: false,
  error: { code, message, ...(issues && issues.length > 0 && { issues }), ...(reason && { reason }) },
})

/** The default message per code, used when nothing more specific can be said. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录后再操作',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已被他人更新，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_REJECTED: '内容包含不适宜的信息，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
}
