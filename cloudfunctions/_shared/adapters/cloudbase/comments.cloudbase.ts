/** A deliberation's comments on CloudBase: `deliberation_comments/_id = comment id`. */
import type { DeliberationComment } from '../../domain/deliberation.state'
import type { CommentRepository } from '../../ports/store.port'
import { getDoc, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import type { Scope } from './scope.cloudbase'

export const DELIBERATION_COMMENTS = 'deliberation_comments'

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
    add: ({ id, ...fields }) =>
      scope.atomically(async (doc) => {
        // Never overwrite: an id already taken is skipped, as SQLite's primary key does.
        if (await getDoc(doc(DELIBERATION_COMMENTS), id)) return
        await doc(DELIBERATION_COMMENTS).doc(id).set(fields)
      }),
    latest: async (deliberationId, limit) => {
      const docs = await readPages(scope.command, {
        from: scope.query(DELIBERATION_COMMENTS),
        where: [{ deliberationId }],
        orderBy: 'at',
        direction: 'desc',
        limit,
      })
      return docs.map(toComment).reverse()
    },
  }
}
