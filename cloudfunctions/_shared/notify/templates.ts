/**
 * The subscription templates the product uses, what each field holds, and which message kind goes
 * out on which template. Template ids are per environment: SUBSCRIBE_TEMPLATE_IDS (JSON, key → id);
 * the local host uses stand-in ids.
 */
import type { TemplateKey } from '../../../types/notify.contract'
import type { MessageKind } from '../../../types/messages'
import type { FieldType } from './fit-fields'

export interface TemplateSpec {
  key: TemplateKey
  /** The template's title in WeChat's public library, shown to her in the allow dialog. */
  title: string
  fields: { name: string; type: FieldType; holds: TemplateSlot }[]
}

/** What a field is filled with; message-fields.ts computes each from the message. */
export type TemplateSlot = 'subject' | 'status' | 'org' | 'time' | 'deadline' | 'note'

export const TEMPLATES: Record<TemplateKey, TemplateSpec> = {
  case_progress: {
    key: 'case_progress',
    title: '反映处理进度通知',
    fields: [
      { name: 'thing1', type: 'thing', holds: 'subject' },
      { name: 'phrase2', type: 'phrase', holds: 'status' },
      { name: 'thing3', type: 'thing', holds: 'org' },
      { name: 'time4', type: 'time', holds: 'time' },
    ],
  },
  case_result: {
    key: 'case_result',
    title: '办理结果通知',
    fields: [
      { name: 'thing1', type: 'thing', holds: 'subject' },
      { name: 'phrase2', type: 'phrase', holds: 'status' },
      { name: 'thing3', type: 'thing', holds: 'note' },
      { name: 'time4', type: 'time', holds: 'time' },
    ],
  },
  case_todo: {
    key: 'case_todo',
    title: '待办事项提醒',
    fields: [
      { name: 'thing1', type: 'thing', holds: 'subject' },
      { name: 'thing2', type: 'thing', holds: 'org' },
      { name: 'time3', type: 'time', holds: 'deadline' },
    ],
  },
  deliberation_invite: {
    key: 'deliberation_invite',
    title: '议事邀请通知',
    fields: [
      { name: 'thing1', type: 'thing', holds: 'subject' },
      { name: 'thing2', type: 'thing', holds: 'org' },
      { name: 'time3', type: 'time', holds: 'deadline' },
    ],
  },
  deliberation_result: {
    key: 'deliberation_result',
    title: '表决结果通知',
    fields: [
      { name: 'thing1', type: 'thing', holds: 'subject' },
      { name: 'phrase2', type: 'phrase', holds: 'status' },
      { name: 'time3', type: 'time', holds: 'time' },
    ],
  },
}

/**
 * Which template a kind goes out on; null: message centre only (she is in the app when it happens,
 * or it is not worth one of her scarce credits).
 */
export const TEMPLATE_OF_KIND: Record<MessageKind, TemplateKey | null> = {
  case_received: null,
  case_accepted: 'case_progress',
  case_escalated: 'case_progress',
  case_handed_back: 'case_progress',
  case_assigned: 'case_progress',
  case_closed: 'case_progress',
  case_resolved: 'case_result',
  case_new_for_council: 'case_todo',
  case_arrived: 'case_todo',
  deadline_near: 'case_todo',
  case_overdue: 'case_todo',
  deliberation_invited: 'deliberation_invite',
  deliberation_reminder: 'deliberation_invite',
  deliberation_result: 'deliberation_result',
}

/**
 * Credits are one-shot and scarce: a step that matters most may take her last credit for a template;
 * a lesser step only spends one when another stays in reserve.
 */
export const MATTERS_MOST: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'case_accepted',
  'case_escalated',
  'case_resolved',
  'case_arrived',
  'case_overdue',
  'deliberation_invited',
  'deliberation_result',
])

export function shouldSpendCredit(kind: MessageKind, credits: number): boolean {
  if (credits <= 0) return false
  return MATTERS_MOST.has(kind) || credits >= 2
}

/** Which templates to ask for at each moment of the app (WeChat allows 3 per ask). */
export const TEMPLATES_FOR_MOMENT: Record<'after_report' | 'council' | 'desk', TemplateKey[]> = {
  after_report: ['case_progress', 'case_result'],
  council: ['deliberation_invite', 'deliberation_result', 'case_todo'],
  desk: ['case_todo'],
}

export type TemplateIds = Record<TemplateKey, string>

/** Template ids for this environment; the local host's stand-ins are readable. */
export function templateIds(env: Record<string, string | undefined> = process.env): TemplateIds {
  const local = Object.fromEntries(Object.keys(TEMPLATES).map((k) => [k, `local-${k}`])) as TemplateIds
  if (!env.SUBSCRIBE_TEMPLATE_IDS) return local
  return { ...local, ...(JSON.parse(env.SUBSCRIBE_TEMPLATE_IDS) as Partial<TemplateIds>) }
}
