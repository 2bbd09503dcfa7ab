/**
 * Announcements on SQLite: the record as a document, beside the columns an org's live list reads by
 * (one range of announcements_live); and each person's unread mark under her tag (sealed-identity.ts).
 */
import type Database from 'better-sqlite3'
import type { AnnouncementRecord, AnnouncementRepository, FeedMarkRepository } from '../../ports/store.port'
import type { IdentitySeal } from '../sealed-identity'
import { docOf, docsOf } from './json-doc'

export function sqliteAnnouncements(db: Database.Database): AnnouncementRepository {
  const stmt = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM announcements WHERE id = ?'),
    put: db.prepare(
      `INSERT INTO announcements (id, org_id, retired, pinned, published_at, doc) VALUES (@id, @orgId, @retired, @pinned, @publishedAt, @doc)
       ON CONFLICT(id) DO UPDATE SET org_id = excluded.org_id, retired = excluded.retired, pinned = excluded.pinned,
         published_at = excluded.published_at, doc = excluded.doc`,
    ),
    live: db.prepare<[string, number], { doc: string }>(
      'SELECT doc FROM announcements WHERE org_id = ? AND retired = 0 ORDER BY pinned DESC, published_at DESC, id DESC LIMIT ?',
    ),
  }
  return {
    get: async (id) => docOf<AnnouncementRecord>(stmt.get.get(id)),
    put: async (a) => {
      stmt.put.run({ id: a.id, orgId: a.orgId, retired: a.retired ? 1 : 0, pinned: a.pinned ? 1 : 0, publishedAt: a.publishedAt, doc: JSON.stringify(a) })
    },
    liveOfOrg: async (orgId, limit) => docsOf<AnnouncementRecord>(stmt.live.all(orgId, limit)),
  }
}

export function sqliteFeedMarks(db: Database.Database, seal: IdentitySeal): FeedMarkRepository {
  const stmt = {
    get: db.prepare<[string], { seen_at: string }>('SELECT seen_at FROM feed_marks WHERE person_tag = ?'),
    mark: db.prepare(
      `INSERT INTO feed_marks (person_tag, seen_at) VALUES (?, ?)
       ON CONFLICT(person_tag) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)`,
    ),
  }
  return {
    seenAt: async (openid) => stmt.get.get(seal.person(openid))?.seen_at ?? null,
    markSeen: async (openid, at) => {
      stmt.mark.run(seal.person(openid), at)
    },
  }
}
