/**
 * The kinds of message the system sends (subscription message + message centre). Labels are what
 * the message centre shows as the message's heading.
 */
export const MESSAGE_KINDS = [
  'case_received',
  'case_accepted',
  'case_escalated',
  'case_handed_back',
  'case_assigned',
  'case_resolved',
  'case_closed',
  'case_new_for_council',
  'case_arrived',
  'deadline_near',
  'case_overdue',
  'case_urged',
  'case_taken_over',
  'case_pulled_up',
  'deliberation_invited',
  'deliberation_reminder',
  'deliberation_result',
  'hotspot_alert',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  case_received: '反映已提交',
  case_accepted: '反映已受理',
  case_escalated: '反映已转上级办理',
  case_handed_back: '反映已交回办理',
  case_assigned: '反映已协调相关部门',
  case_resolved: '反映已办结，请评价',
  case_closed: '反映已关闭',
  case_new_for_council: '本村有新的反映',
  case_arrived: '有反映转到本级',
  deadline_near: '反映即将到期',
  case_overdue: '反映已超期',
  case_urged: '上级催办',
  case_taken_over: '反映已提级办理',
  case_pulled_up: '反映已被上级提级办理',
  deliberation_invited: '邀请您参加议事',
  deliberation_reminder: '议事即将截止',
  deliberation_result: '议事结果',
  hotspot_alert: '矛盾苗头预警',
}
