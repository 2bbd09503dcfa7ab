/**
 * The 发起议事 form checks itself with the server's own schema (`deliberationContract.open`): the
 * same rules, the same Chinese messages. Only the deadline's distance from now is added here, because
 * the schema cannot know the time (the server checks it again).
 */
import { DELIBERATION_MAX_DAYS, deliberationContract, type ActionInput } from '../../../types'

/** The form as she fills it: the contract's open input, closesAt undefined until a deadline is picked. */
export interface DeliberationDraft {
  orgId: string
  caseId?: string
  title: string
  background: string
  options: string[]
  multiple: boolean
  /** ISO with offset; undefined until a deadline is picked. */
  closesAt?: string
  /** undefined: the server's default (⌈2/3 of the members⌉). */
  quorum?: number
  /** undefined: the server's default (more than half). */
  passRatio?: number
  anonymous: boolean
}

type DraftField = 'orgId' | 'title' | 'background' | 'options' | 'closesAt' | 'quorum' | 'passRatio'
export interface DraftErrors {
  fields: Partial<Record<DraftField, string>>
  /** Per option row, by index. */
  options: Record<number, string>
}

export const noErrors = (e: DraftErrors) => Object.values(e.fields).every((v) => !v) && Object.keys(e.options).length === 0

/**
 * The deliberation to open, or undefined while the schema refuses the draft (validateDeliberation
 * names why). The deadline's distance from now is checked there, not here: the server checks it again.
 */
export function toOpenInput(draft: DeliberationDraft): ActionInput<'deliberation', 'open'> | undefined {
  const parsed = deliberationContract.open.safeParse(draft)
  return parsed.success ? parsed.data : undefined
}

const HOUR = 3_600_000

export function validateDeliberation(draft: DeliberationDraft, now: string): DraftErrors {
  const errors: DraftErrors = { fields: {}, options: {} }
  const parsed = deliberationContract.open.safeParse(draft)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path
      if (field === 'options' && typeof index === 'number') {
        errors.options[index] ??= issue.message
        continue
      }
      const key = String(field ?? 'title') as DraftField
      errors.fields[key] ??= field === 'closesAt' && draft.closesAt === undefined ? '请选择截止时间' : issue.message
    }
  }
  if (draft.closesAt && !errors.fields.closesAt) {
    const left = Date.parse(draft.closesAt) - Date.parse(now)
    if (left < HOUR) errors.fields.closesAt = '截止时间至少要在 1 小时以后'
    else if (left > DELIBERATION_MAX_DAYS * 24 * HOUR) errors.fields.closesAt = `截止时间不能超过 ${DELIBERATION_MAX_DAYS} 天`
  }
  return errors
}
