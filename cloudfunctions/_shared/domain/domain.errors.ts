/**
 * How the domain says no. The codes are the wire codes of types/envelope.ts, so a handler can put a
 * domain error into its envelope unchanged; the message is Chinese, for the person on the phone.
 */
import type { ErrorCode } from '../../../types/envelope'

export interface DomainError {
  code: ErrorCode
  message: string
}

export const domainError = (code: ErrorCode, message: string): DomainError => ({ code, message })

/** Marks a switch as exhaustive: adding a member to the union makes this call a compile error. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`)
}
