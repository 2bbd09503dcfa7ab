/**
 * From the triggers a deployed function has (GetFunction's `Triggers`) to its declared timer: which
 * timers to delete and whether to create the declared one. A timer with the declared name and cron is
 * kept; any other timer goes (a renamed or re-timed one, so no job runs twice); other trigger types are
 * left alone. Deleting before creating also avoids depending on whether BatchCreateTrigger replaces a
 * trigger of the same name.
 */
import type { TimerDeclaration } from '../function.declaration'

export interface DeployedTrigger {
  TriggerName: string
  Type: string
  /** A timer's is `{"cron":"<7 fields>"}` as GetFunction answers it, or the bare cron. */
  TriggerDesc?: string
}

export interface TriggerPlan {
  remove: string[]
  create: TimerDeclaration | null
}

export function cronOf(trigger: DeployedTrigger): string {
  const desc = trigger.TriggerDesc ?? ''
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown }
    if (typeof parsed?.cron === 'string') return parsed.cron
  } catch {
    // Not JSON: the bare cron.
  }
  return desc
}

export function triggerPlan(deployed: readonly DeployedTrigger[], wanted: TimerDeclaration | null): TriggerPlan {
  const timers = deployed.filter((trigger) => trigger.Type === 'timer')
  const kept = wanted && timers.find((t) => t.TriggerName === wanted.name && cronOf(t).trim() === wanted.cron)
  return {
    remove: timers.filter((t) => t !== kept).map((t) => t.TriggerName),
    create: wanted && !kept ? wanted : null,
  }
}
