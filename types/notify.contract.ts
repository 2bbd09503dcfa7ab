/** The `notify` function: subscription templates and credits, and the in-app message centre. */
import * as z from 'zod'
import { id } from './zod-zh'
import type { MessageKind } from './messages'

/** The WeChat subscription templates the product uses; each message kind maps to one (or none). */
export const TEMPLATE_KEYS = ['case_progress', 'case_result', 'case_todo', 'deliberation_invite', 'deliberation_result'] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

export const notifyContract = {
  /** The templates to ask for, for a moment in the app (after reporting; joining a council; …). */
  templates: z.object({ moment: z.enum(['after_report', 'council', 'desk'], { error: '场景无效' }).optional() }),
  /** Records what she just allowed in WeChat's dialog: one credit per allowed template. */
  subscribe: z.object({
    accepted: z.array(z.string().min(1).max(64), { error: '订阅结果无效' }).max(5, { error: '订阅结果无效' }),
  }),
  /** The message centre, newest first. */
  inbox: z.object({ unreadOnly: z.boolean().optional() }),
  markRead: z.object({ messageIds: z.array(id('消息编号'), { error: '缺少消息编号' }).max(200).optional(), all: z.boolean().optional() }),
}

export interface TemplateInfo {
  key: TemplateKey
  templateId: string
  title: string
}

export interface MessageItem {
  id: string
  kind: MessageKind
  /** What it is about (a case's number and title; a deliberation's title): 消息 groups by it. */
  subject?: string
  title: string
  body: string
  page: string
  createdAt: string
  read: boolean
  /** Whether it also went out as a WeChat subscription message. */
  delivered: boolean
}

export interface NotifyResults {
  templates: { items: TemplateInfo[] }
  subscribe: { credits: Record<string, number> }
  inbox: { items: MessageItem[]; unread: number }
  markRead: { unread: number }
}
