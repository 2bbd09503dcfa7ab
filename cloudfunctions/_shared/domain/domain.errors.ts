/**
 * How the domain says no. The codes are the wire codes of types/envelope.ts, so a handler can put a
 * domain error into its envelope unchanged; the message is Chinese, for the person on the phone.
 * The reason, where there is one, is the stable why the app branches on (FAILURE_REASONS); a
 * rejection the app has no need to tell apart carries none.
 */
import type { ErrorCode, FailureReason } from '../../../types/envelope'

export interface DomainError {
  code: ErrorCode
  message: string
  reason?: FailureReason
}

export const domainError = (code: ErrorCode, message: string, reason?: FailureReason): DomainError =>
  reason === undefined ? { code, message } : { code, message, reason }

/** Marks a switch as exhaustive: adding a member to the union makes this call a compile error. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`)
}
