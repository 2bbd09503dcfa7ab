/** A deliberation's comments on CloudBase: `deliberation_comments/_id = comment id`. */
import type { DeliberationComment } from '../../domain/deliberation.state'
import type { CommentRepository } from '../../ports/store.port'
import { COLLECTION, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'

const toComment = (doc: Doc): DeliberationComment => ({
  id: String(doc._id),
  deliberationId: String(doc.deliberationId),
  authorOpenid: String(doc.authorOpenid),
  authorName: String(doc.authorName),
  authorRole: doc.authorRole as DeliberationComment['authorRole'],
  text: String(doc.text),
  at: String(doc.at),
})

export function cloudbaseComments(scope: Scope): CommentRepository {
  return {
    add: async ({ id, ...fields }) => {
      // Never overwrite: an id already taken is skipped, as SQLite's primary key does.
      await rewriteDoc(scope, COLLECTION.comments, id, (current) => (current ? null : fields))
    },
    latest: async (deliberationId, limit) => {
      const docs = await readPages(scope.command, {
        from: scope.query(COLLECTION.comments),
        where: [{ deliberationId }],
        orderBy: 'at',
        direction: 'desc',
        limit,
      })
      return docs.map(toComment).reverse()
    },
  }
}
