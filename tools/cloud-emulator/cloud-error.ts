/**
 * An error the emulator answers the way CloudBase does: HTTP 200 with `{ code, message, requestId }`,
 * which node-sdk turns into a rejection carrying the same `code` (node_modules/@cloudbase/node-sdk/
 * dist/utils/tcbapirequester.js `request` → utils.js `processReturn`).
 *
 * The codes are CloudBase's own names. Where each comes from is in README.md ("Error codes").
 */
export const CODES = {
  /** Unknown secretId, bad or missing signature, session token that does not match. */
  SIGN_PARAM_INVALID: 'SIGN_PARAM_INVALID',
  /** The `env` of the request is not the emulator's environment. */
  INVALID_ENV: 'INVALID_ENV',
  /** The request does not carry a signed X-TCB-Source header. */
  INVALID_REQUEST_SOURCE: 'INVALID_REQUEST_SOURCE',
  INVALID_PARAM: 'INVALID_PARAM',
  INVALID_ACTION: 'INVALID_ACTION',
  EXCEED_REQUEST_SIZE_LIMIT: 'EXCEED_REQUEST_SIZE_LIMIT',
  SYS_ERR: 'SYS_ERR',
  DATABASE_COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  DATABASE_COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  DATABASE_TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  DATABASE_TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  DATABASE_DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  DATABASE_REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  /** The emulator's own, stricter than CloudBase (which would scan): a query no provisioned index covers. */
  EMULATOR_QUERY_NOT_INDEXED: 'EMULATOR_QUERY_NOT_INDEXED',
  STORAGE_FILE_NONEXIST: 'STORAGE_FILE_NONEXIST',
  STORAGE_REQUEST_FAIL: 'STORAGE_REQUEST_FAIL',
} as const

export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'CloudError'
  }
}
