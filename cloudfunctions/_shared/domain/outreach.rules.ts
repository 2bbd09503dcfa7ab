/**
 * Announcements (公告, docs/RULES.md "Announcements"): whose reach her, who publishes and who takes
 * them down, and how her list is ordered and marked. Pure: the caller brings each org placed in the
 * tree (its line: the org first, then its parent, up to the province).
 *
 * Who, from where, is the table's outreach.* rows (authorization.table.ts), measured from each of
 * her places — her home village as a resident, and each org she is bound at — to the publishing org.
 */
import type { Person } from './actor.types'
import { allowed, allowedBindings, relationOf, type AuthAction, type AuthRole } from './authorization.table'
import type { LineOf, OrgLine } from './knowledge.rules'

const idsOf = (line: OrgLine) => line.map((org) => org.id)

/** Where she stands: her home village (as a resident), then each of her bindings. */
export interface Reader {
  person: Person
  homeOrgId: string | null
}

const placesOf = ({ person, homeOrgId }: Reader): { role: AuthRole; orgId: string }[] => [
  ...(homeOrgId ? [{ role: 'resident' as const, orgId: homeOrgId }] : []),
  ...person.roles,
]

/**
 * The orgs whose announcements reach her: for each of her places, the orgs on its own line the table
 * lets her read from there — her village, township, county, city and province (five reads), and the
 * line of an org she serves at (for a cadre or convener, usually the same line). Nearest first, each once.
 */
export function feedSources(reader: Reader, lineOf: LineOf): string[] {
  const out: string[] = []
  for (const place of placesOf(reader)) {
    const line = lineOf(place.orgId)
    line.forEach((org, i) => {
      if (out.includes(org.id)) return
      if (allowed(place.role, 'outreach.read', relationOf(idsOf(line), idsOf(line.slice(i))))) out.push(org.id)
    })
  }
  return out
}

/** Whether she may read the announcements of the org at `target` (her home counts as a place). */
export function mayReadAnnouncements(reader: Reader, target: OrgLine, lineOf: LineOf): boolean {
  return placesOf(reader).some((place) => allowed(place.role, 'outreach.read', relationOf(idsOf(lineOf(place.orgId)), idsOf(target))))
}

const mayAt = (action: AuthAction) => (person: Person, target: OrgLine, lineOf: LineOf): boolean =>
  allowedBindings(person, action, idsOf(target), (orgId) => idsOf(lineOf(orgId))).length > 0

/** Whether she may publish at the org of `target`: its own cadre, or the convener of that village. */
export const mayPublishAt = mayAt('outreach.publish')

/** Whether she may take down an announcement of the org at `target`. */
export const mayRetireAt = mayAt('outreach.retire')

/** The role she acts in at `target` (the first binding the row allows), for the audit line. */
export function actingRoleAt(person: Person, action: AuthAction, target: OrgLine, lineOf: LineOf): string | null {
  return allowedBindings(person, action, idsOf(target), (orgId) => idsOf(lineOf(orgId)))[0]?.role ?? null
}

/** The orgs where she may publish (her own orgs the publish row allows), in her bindings' order, each once. */
export function publishPlaces(person: Person): string[] {
  const out: string[] = []
  for (const binding of person.roles) {
    if (allowed(binding.role, 'outreach.publish', 'own') && !out.includes(binding.orgId)) out.push(binding.orgId)
  }
  return out
}

/** What the order and the mark read of an announcement. */
export interface FeedEntry {
  id: string
  pinned: boolean
  publishedAt: string
}

/** Pinned first, then the newest first; ties by id, descending (the later id first). */
export function feedOrder(a: FeedEntry, b: FeedEntry): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

/** Unread: published after she last opened the list; everything, if she never has. */
export const isUnread = (entry: FeedEntry, seenAt: string | null): boolean => seenAt === null || entry.publishedAt > seenAt

/**
 * Her list from the sources' lists (each already live only): one list in feedOrder, at most `limit`,
 * each marked. The same announcement twice (two places on one line) is kept once.
 */
export function arrangeFeed<E extends FeedEntry>(lists: readonly (readonly E[])[], seenAt: string | null, limit: number): (E & { unread: boolean })[] {
  const byId = new Map<string, E>()
  for (const list of lists) for (const entry of list) byId.set(entry.id, entry)
  return [...byId.values()].sort(feedOrder).slice(0, limit).map((entry) => ({ ...entry, unread: isUnread(entry, seenAt) }))
}

/** Live announcements an org keeps at once: the feed reads at most this many per org. */
export const ANNOUNCEMENTS_PER_ORG = 20
