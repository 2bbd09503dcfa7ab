/**
 * Announcements on CloudBase: `announcements/_id = announcement id`, the record's fields as the
 * document plus `feedKey` ("1|" pinned or "0|", then publishedAt), the one field an org's live list
 * sorts on: pinned first, then newest, by one range of the (orgId, retired, feedKey desc, _id desc)
 * index (indexes.json). Unread marks: `feed_marks/_id = <person tag>` with `seenAt`, never her openid.
 */
import type { AnnouncementRecord, AnnouncementRepository, FeedMarkRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'
import type { IdentitySeal } from '../sealed-identity'

const toAnnouncement = ({ _id, feedKey: _feedKey, ...fields }: Doc): AnnouncementRecord => ({ ...fields, id: String(_id) }) as AnnouncementRecord

const feedKeyOf = (a: AnnouncementRecord) => `${a.pinned ? 1 : 0}|${a.publishedAt}`

export function cloudbaseAnnouncements(scope: Scope): AnnouncementRepository {
  return {
    get: (id) => readDoc(scope.doc(COLLECTION.announcements), id, toAnnouncement),
    put: async ({ id, ...fields }) => {
      await scope.doc(COLLECTION.announcements).doc(id).set({ ...fields, feedKey: feedKeyOf({ id, ...fields }) })
    },
    liveOfOrg: async (orgId, limit) => {
      const docs = await readPages(scope.command, {
        from: scope.query(COLLECTION.announcements),
        where: [{ orgId, retired: false }],
        orderBy: 'feedKey',
        direction: 'desc',
        limit,
      })
      return docs.map(toAnnouncement)
    },
  }
}

export function cloudbaseFeedMarks(scope: Scope, seal: IdentitySeal): FeedMarkRepository {
  return {
    seenAt: (openid) => readDoc(scope.doc(COLLECTION.feedMarks), seal.person(openid), (doc) => String(doc.seenAt)),
    markSeen: async (openid, at) => {
      await rewriteDoc(scope, COLLECTION.feedMarks, seal.person(openid), (current) =>
        current && String(current.seenAt) >= at ? null : { seenAt: at },
      )
    },
  }
}
