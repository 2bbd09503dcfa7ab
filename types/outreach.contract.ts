/**
 * The `outreach` function: announcements (公告) — policies, notices and activities an org publishes
 * to the residents of its subtree. A resident reads those of every org on her own village's chain
 * (village → province), newest first, pinned first, with an unread mark.
 *
 * Who may publish or retire: a cadre of the org itself, a village's convener for her village; the
 * admin may also retire any in her province (docs/RULES.md "Announcements").
 */
import { z, id, text } from './zod-zh'
import type { Level } from './enums'

export const ANNOUNCEMENT_KINDS = ['policy', 'notice', 'activity'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
export const ANNOUNCEMENT_KIND_LABELS: Record<AnnouncementKind, string> = { policy: '政策', notice: '通知', activity: '活动' }

export const ANNOUNCEMENT_TITLE_MAX = 40
export const ANNOUNCEMENT_BODY_MAX = 2000

const AnnouncementKindSchema = z.enum(ANNOUNCEMENT_KINDS, { error: '请选择公告类型：政策、通知或活动' })

export const outreachContract = {
  /** Publishes an announcement at `orgId` (her own org); content-checked; one audit line. */
  publish: z.object({
    orgId: id('组织'),
    kind: AnnouncementKindSchema,
    title: text('标题', ANNOUNCEMENT_TITLE_MAX),
    body: text('正文', ANNOUNCEMENT_BODY_MAX),
    pinned: z.boolean({ error: '是否置顶应为是或否' }).optional(),
  }),
  /**
   * The announcements of every org on the caller's chain (her home village's, and the orgs she serves
   * at), pinned first, then newest first; `unread` against the time she last opened the list.
   * `limit` for 首页's card (the latest few).
   */
  feed: z.object({ limit: z.number({ error: '条数应为数字' }).int({ error: '条数应为整数' }).min(1, { error: '条数至少为 1' }).max(100, { error: '条数不能超过 100' }).optional() }),
  /** She opened the list: everything published until now is read. */
  markSeen: z.object({}),
  /** Takes an announcement down: kept for the record, no longer shown. */
  retire: z.object({ announcementId: id('公告') }),
}

/** An announcement as the app shows it. */
export interface Announcement {
  id: string
  kind: AnnouncementKind
  title: string
  body: string
  pinned: boolean
  orgId: string
  orgName: string
  level: Level
  publishedAt: string
  /** Published after she last opened the list. */
  unread: boolean
  /** Whether she may take it down (a cadre or convener of its org, the admin). */
  retirable: boolean
}

/** Where she may publish: the orgs where she is a cadre, or the village she convenes. */
export interface PublishPlace {
  orgId: string
  orgName: string
  level: Level
}

export interface OutreachResults {
  publish: { announcementId: string }
  feed: { items: Announcement[]; unreadCount: number; publishesAt: PublishPlace[] }
  markSeen: { seenAt: string }
  retire: { announcementId: string; retired: boolean }
}
