/**
 * The one way an action says "no": throw one of these. The wrapper turns it into an error envelope;
 * anything else thrown becomes INTERNAL.
 */
import { DEFAULT_MESSAGES, type ErrorCode, type FailureReason, type FieldIssue } from '../../../types/envelope'

export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    readonly issues?: FieldIssue[],
    readonly reason?: FailureReason,
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}

export const invalidInput = (message?: string, issues?: FieldIssue[], reason?: FailureReason) =>
  new AppFailure('INVALID_INPUT', message, issues, reason)
export const forbidden = (message?: string) => new AppFailure('FORBIDDEN', message)
export const notFound = (message?: string) => new AppFailure('NOT_FOUND', message)
export const conflict = (message?: string, reason?: FailureReason) => new AppFailure('CONFLICT', message, undefined, reason)
export const rateLimited = (message?: string) => new AppFailure('RATE_LIMITED', message)
export const contentRejected = (message?: string) => new AppFailure('CONTENT_REJECTED', message)
