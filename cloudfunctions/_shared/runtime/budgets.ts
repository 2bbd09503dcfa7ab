/**
 * How long the production entry lets its work run, so that nothing is cut by the function's timeout
 * (the declarations check each against the declared timeout with margin).
 */
import { MESSAGE_BUDGET_MS } from '../notify/deliver'

/**
 * A write delivers what it queued before answering (a function is frozen once it answers): time for
 * at least one whole message, since delivery starts none it could not finish (notify/deliver.ts).
 */
export const AFTER_CHANGE_BUDGET_MS = MESSAGE_BUDGET_MS + 1_500

/** A timer run must be done before the function's 60 s timeout; room for the last transaction. */
export const JOB_BUDGET_MS = 50_000
