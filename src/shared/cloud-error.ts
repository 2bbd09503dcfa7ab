/**
 * A failed cloud call as the app holds it, and the one place it becomes something the person sees.
 * Kept apart from the client (cloud-client.ts) so that pages can catch and show failures without
 * being able to make calls: those go through the api files (.dependency-cruiser.cjs).
 */
import Taro from '@tarojs/taro'
import type { AppError, FailureReason } from '../../types'

/** A failed call, carrying the envelope's code, its Chinese message and, when set, its reason. */
export class CloudError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'CloudError'
  }
  get code() {
    return this.error.code
  }
}

/** What a call fails with when no envelope came back. */
export const NETWORK_ERROR: AppError = { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }

/** The stable why of a failure (types/envelope.ts FAILURE_REASONS): branch on this, never on the words. */
export const reasonOf = (error: unknown): FailureReason | undefined =>
  error instanceof CloudError ? error.error.reason : undefined

/**
 * Whether the failure says the page is out of date (someone accepted, closed or rated it meanwhile,
 * or the deliberation ended): the page reloads, so she sees why, and does not try again in vain.
 */
const OUT_OF_DATE: ReadonlySet<FailureReason> = new Set([
  'CASE_CLOSED',
  'CASE_ALREADY_ACCEPTED',
  'CASE_NOT_ACCEPTED',
  'CASE_NOT_RESOLVED',
  'ALREADY_RATED',
  'DELIBERATION_CLOSED',
  'BUSY',
])
export const isOutOfDate = (error: unknown): boolean => {
  const reason = reasonOf(error)
  return reason !== undefined && OUT_OF_DATE.has(reason)
}

/** The one place an error becomes something the person sees; `reload` runs when the page is out of date. */
export function showError(error: unknown, reload?: () => unknown): void {
  const message = error instanceof CloudError ? error.message : NETWORK_ERROR.message
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
  if (reload && isOutOfDate(error)) void reload()
}
