/**
 * The subscription templates the product uses, what each field holds, and which message kind goes
 * out on which template. Template ids are per environment: SUBSCRIBE_TEMPLATE_IDS (JSON, key → id);
 * the local host uses stand-in ids, production reads them strictly (readTemplateIds).
 */
import { TEMPLATE_KEYS, type TemplateKey } from '../../../types/notify.contract'
import type { MessageKind } from '../../../types/messages'
import type { MessageRecord } from '../ports/store.port'
import { fitField, type FieldType } from './fit-fields'

export interface TemplateSpec {
  key: TemplateKey
  /** The template's title in WeChat's public library, shown to her in the allow dialog. */
  title: string
  fields: { name: string; type: FieldType; holds: TemplateSlot }[]
}

/** What a field is filled with; templateData computes each from the message's slots. */
export type TemplateSlot = 'subject' | 'status' | 'org' | 'time' | 'deadline' | 'note'

/**
 * WeChat names a template's fields by type and position (thing1, phrase2, time4 …): the name says how
 * its value must be fitted (fit-fields.ts); `holds` says which slot fills it.
 */
const template = (key: TemplateKey, title: string, fields: Record<`${FieldType}${number}`, TemplateSlot>): TemplateSpec => ({
  key,
  title,
  fields: Object.entries(fields).map(([name, holds]) => ({ name, type: name.replace(/\d+$/, '') as FieldType, holds })),
})

export const TEMPLATES: Record<TemplateKey, TemplateSpec> = {
  case_progress: template('case_progress', '反映处理进度通知', { thing1: 'subject', phrase2: 'status', thing3: 'org', time4: 'time' }),
  case_result: template('case_result', '办理结果通知', { thing1: 'subject', phrase2: 'status', thing3: 'note', time4: 'time' }),
  case_todo: template('case_todo', '待办事项提醒', { thing1: 'subject', thing2: 'org', time3: 'deadline' }),
  deliberation_invite: template('deliberation_invite', '议事邀请通知', { thing1: 'subject', thing2: 'org', time3: 'deadline' }),
  deliberation_result: template('deliberation_result', '表决结果通知', { thing1: 'subject', phrase2: 'status', time3: 'time' }),
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
  case_urged: 'case_todo',
  case_taken_over: 'case_progress',
  // The old holder no longer has anything to do: her message centre says it, no credit spent.
  case_pulled_up: null,
  case_transferred: 'case_progress',
  // As for case_pulled_up: nothing left to do there.
  case_transferred_away: null,
  extension_requested: 'case_todo',
  extension_decided: 'case_todo',
  case_extended: 'case_progress',
  case_merged: 'case_progress',
  deliberation_invited: 'deliberation_invite',
  deliberation_reminder: 'deliberation_invite',
  deliberation_result: 'deliberation_result',
  // The cadres' to-do template: what (the category), where (the org), when it was raised.
  hotspot_alert: 'case_todo',
  // Her to-do: which case, which org asks, by when (the task's due time).
  task_assigned: 'case_todo',
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
  'case_urged',
  'case_taken_over',
  'case_transferred',
  'extension_requested',
  'deliberation_invited',
  'deliberation_result',
])

/** A message's slots poured into its template's fields, each fitted to WeChat's limits; null for none. */
export function templateData(message: Pick<MessageRecord, 'kind' | 'slots' | 'createdAt'>): Record<string, string> | null {
  const key = TEMPLATE_OF_KIND[message.kind]
  if (!key) return null
  const slots = message.slots ?? {}
  return Object.fromEntries(
    TEMPLATES[key].fields.map((field) => [field.name, fitField(field.type, slots[field.holds] ?? (field.type === 'time' ? message.createdAt : ''))]),
  )
}

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

const LOCAL_PREFIX = 'local-'

/**
 * Template ids for the local host and tests: SUBSCRIBE_TEMPLATE_IDS over readable stand-ins. Never for
 * production, where a stand-in would only be found out by WeChat refusing every send (readTemplateIds).
 */
export function templateIds(env: Record<string, string | undefined> = process.env): TemplateIds {
  const local = Object.fromEntries(Object.keys(TEMPLATES).map((k) => [k, `${LOCAL_PREFIX}${k}`])) as TemplateIds
  if (!env.SUBSCRIBE_TEMPLATE_IDS) return local
  return { ...local, ...(JSON.parse(env.SUBSCRIBE_TEMPLATE_IDS) as Partial<TemplateIds>) }
}

/**
 * Production's template ids: SUBSCRIBE_TEMPLATE_IDS must name every template the product uses
 * (TEMPLATE_KEYS), each with a real id. What is wrong comes back in Chinese, naming keys, not ids.
 */
export function readTemplateIds(configured: string | undefined): { ids: TemplateIds } | { problems: string[] } {
  if (!configured) {
    return { problems: [`未设置（需要微信公众平台「订阅消息」里选用的模板 ID，JSON：{"${TEMPLATE_KEYS[0]}": "模板 ID", …}，键为 ${TEMPLATE_KEYS.join('、')}）`] }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(configured)
  } catch {
    return { problems: ['不是合法的 JSON（注意用英文双引号）'] }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: ['应为 JSON 对象：{ 模板键: 模板 ID }'] }
  }
  const given = parsed as Record<string, unknown>
  const problems: string[] = []
  const missing = TEMPLATE_KEYS.filter((key) => !Object.hasOwn(given, key))
  if (missing.length > 0) {
    const unknown = Object.keys(given).filter((key) => !(TEMPLATE_KEYS as readonly string[]).includes(key))
    problems.push(`缺少模板 ${missing.join('、')}${unknown.length > 0 ? `（另有不认识的键 ${unknown.map((k) => k.slice(0, 40)).join('、')}，是否拼错？）` : ''}`)
  }
  for (const key of TEMPLATE_KEYS) {
    if (!Object.hasOwn(given, key)) continue
    const id = given[key]
    if (typeof id !== 'string') problems.push(`模板 ${key} 的 ID 应为字符串`)
    else if (id.trim() === '') problems.push(`模板 ${key} 的 ID 为空`)
    else if (/\s/.test(id)) problems.push(`模板 ${key} 的 ID 含有空格或换行`)
    else if (id.startsWith(LOCAL_PREFIX)) problems.push(`模板 ${key} 的 ID 是本地替身（${LOCAL_PREFIX}…），不是微信公众平台里的模板 ID`)
  }
  if (problems.length > 0) return { problems }
  return { ids: Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, given[key] as string])) as TemplateIds }
}
