/**
 * What the outreach actions share: the caller placed in the tree (her home village and every org she
 * is bound at, each with its line: at most five reads each), the announcement she names, the
 * announcement as the app shows it, and its audit line. The rules are domain/outreach.rules.ts.
 */
import type { Announcement } from '../../types/outreach.contract'
import type { Person } from '../_shared/domain/actor.types'
import { mayReadAnnouncements, mayRetireAt, type Reader } from '../_shared/domain/outreach.rules'
import type { LineOf } from '../_shared/domain/knowledge.rules'
import type { ActionContext } from '../_shared/context/deps'
import { forbidden, notFound } from '../_shared/context/failures'
import { auditOrgChange } from '../_shared/audit/audit-lines'
import { orgPath } from '../_shared/orgs/org-path'
import type { AnnouncementRecord, OrgRecord, Repositories } from '../_shared/ports/store.port'

/** Said for an announcement that does not exist and for one she may not see: the same words. */
export const NO_SUCH_ANNOUNCEMENT = '没有找到这条公告'

type Line = OrgRecord[]

export interface Placed {
  reader: Reader
  person: Person
  lineOf: LineOf
  lineOfOrg(orgId: string): Promise<Line>
}

export async function placeReader(ctx: ActionContext): Promise<Placed> {
  const [person, user] = await Promise.all([ctx.person(), ctx.deps.store.people.getUser(ctx.openid)])
  const lines = new Map<string, Line>()
  const keep = (line: Line) => line.forEach((org, i) => lines.set(org.id, line.slice(i)))
  const lineOfOrg = async (orgId: string) => {
    if (!lines.has(orgId)) keep(await orgPath(ctx.deps.store, orgId))
    return lines.get(orgId) ?? []
  }
  const homeOrgId = user?.homeOrgId ?? null
  if (homeOrgId) await lineOfOrg(homeOrgId)
  for (const binding of person.roles) await lineOfOrg(binding.orgId)
  return { reader: { person, homeOrgId }, person, lineOf: (orgId) => lines.get(orgId) ?? [], lineOfOrg }
}

/**
 * The announcement she names, with its org's line, if she may take it down: NOT_FOUND when it does
 * not exist or she may not even read it, FORBIDDEN when she reads but may not retire it.
 */
export async function retirable(ctx: ActionContext, placed: Placed, id: string): Promise<{ announcement: AnnouncementRecord; line: Line }> {
  const announcement = await ctx.deps.store.announcements.get(id)
  const line = announcement ? await placed.lineOfOrg(announcement.orgId) : []
  const may = announcement && line.length > 0 && mayRetireAt(placed.person, line, placed.lineOf)
  if (!announcement || (!may && !mayReadAnnouncements(placed.reader, line, placed.lineOf))) throw notFound(NO_SUCH_ANNOUNCEMENT)
  if (!may) throw forbidden('只能撤下本级发布的公告')
  return { announcement, line }
}

/** As the app shows it: the record's words and place, its org named, her marks. */
export function announcementView(a: AnnouncementRecord, line: Line, unread: boolean, retirable: boolean): Announcement {
  const { id, kind, title, body, pinned, orgId, publishedAt } = a
  const org = line[0]
  return { id, kind, title, body, pinned, orgId, orgName: org?.name ?? '', level: org?.level ?? 'province', publishedAt, unread, retirable }
}

/** One line in the audit log of the announcement's org (and so of every org above it). */
export function auditAnnouncement(
  tx: Pick<Repositories, 'orgs' | 'audit'>,
  ctx: ActionContext,
  { announcement, summary, ...line }: { announcement: AnnouncementRecord; action: 'outreach.publish' | 'outreach.retire'; actorRole: string; summary: string },
): Promise<void> {
  const { orgId, id: targetId, title } = announcement
  return auditOrgChange(tx, ctx, { ...line, orgId, targetType: 'announcement', targetId, summary: `${summary}：${title}` })
}
