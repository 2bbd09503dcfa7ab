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
  /**
   * A stable why, for the few failures the app or an operator must tell apart from a passing fault:
   * NOT_CONFIGURED — the function's environment variables are missing or unfit (every call fails
   * until an administrator fixes them; cloudfunctions/_shared/runtime/configuration.check.ts).
   */
  reason?: 'NOT_CONFIGURED'
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Envelope<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
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
