/**
 * The form checks itself with the server's own schema: the same rules, the same Chinese messages. What
 * is sent is what that schema accepted, so a draft with a choice still missing is never sent.
 */
import { submitInput, type ActionInput } from '../../../types'
import type { ReportDraft } from './report-draft'

export type FieldErrors = Partial<Record<'kind' | 'category' | 'villageId' | 'title' | 'content' | 'phone' | 'photos' | 'onBehalfOf', string>>

/** The draft in the contract's shape; kind, category and village are undefined until she picks them. */
function fieldsOf(draft: ReportDraft) {
  return {
    clientRequestId: draft.clientRequestId,
    kind: draft.kind,
    category: draft.category,
    title: draft.title,
    content: draft.content,
    villageId: draft.villageId,
    anonymous: draft.anonymous,
    ...(draft.phone.trim() && !draft.anonymous ? { phone: draft.phone.trim() } : {}),
    ...(draft.photos.length > 0 ? { photos: draft.photos.map((p) => p.fileId) } : {}),
    ...(draft.onBehalf
      ? { onBehalfOf: { name: draft.residentName ?? '', ...(draft.residentPhone?.trim() ? { phone: draft.residentPhone.trim() } : {}) } }
      : {}),
  }
}

/** The report to send, or undefined while the draft has a problem (validateReport names it). */
export function toSubmitInput(draft: ReportDraft): ActionInput<'intake', 'submit'> | undefined {
  const parsed = submitInput.safeParse(fieldsOf(draft))
  return parsed.success ? parsed.data : undefined
}

export function validateReport(draft: ReportDraft): FieldErrors {
  const parsed = submitInput.safeParse(fieldsOf(draft))
  if (parsed.success) return {}
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '') as keyof FieldErrors
    if (!errors[field]) errors[field] = issue.message
  }
  return errors
}
