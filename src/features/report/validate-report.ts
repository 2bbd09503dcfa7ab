/** The form checks itself with the server's own schema: the same rules, the same Chinese messages. */
import { submitInput } from '../../../types'
import type { ReportDraft } from './report-draft'

export type FieldErrors = Partial<Record<'kind' | 'category' | 'villageId' | 'title' | 'content' | 'phone' | 'photos' | 'onBehalfOf', string>>

export function toSubmitInput(draft: ReportDraft) {
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

export function validateReport(draft: ReportDraft): FieldErrors {
  const parsed = submitInput.safeParse(toSubmitInput(draft))
  if (parsed.success) return {}
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '') as keyof FieldErrors
    if (!errors[field]) errors[field] = issue.message
  }
  return errors
}
