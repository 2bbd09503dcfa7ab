/** Every cloud function the local host serves, by the name the client calls. */
import { accountFunction } from '../account/account.function'
import { deliberationFunction } from '../deliberation/deliberation.function'
import { escalationFunction } from '../escalation/escalation.function'
import { intakeFunction } from '../intake/intake.function'
import { notifyFunction } from '../notify/notify.function'
import { outreachFunction } from '../outreach/outreach.function'
import { statsFunction } from '../stats/stats.function'
import type { FunctionDef } from '../_shared/handler/define-function'

export const FUNCTIONS: Record<string, FunctionDef> = {
  account: accountFunction as FunctionDef,
  deliberation: deliberationFunction as FunctionDef,
  escalation: escalationFunction as FunctionDef,
  intake: intakeFunction as FunctionDef,
  notify: notifyFunction as FunctionDef,
  outreach: outreachFunction as FunctionDef,
  stats: statsFunction as FunctionDef,
}
