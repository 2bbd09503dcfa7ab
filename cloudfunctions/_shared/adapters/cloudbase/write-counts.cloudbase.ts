/**
 * The write limit's counts on CloudBase: `write_counts/_id = <windowStart>_<key>`, `{ count }`.
 *
 * Taking is one atomic conditional increment — `where({ _id, count: _.lt(max) }).update({ count:
 * _.inc(1) })`, `updated: 1` when it took one — so any number of instances taking at once never pass
 * `max`, with no transaction to conflict. A take first creates the window's document (`add` with the
 * id, count 1): a person's first write of a minute in a function, the usual case, is then one request.
 * When the window exists the create is DATABASE_DUPLICATE_WRITE, and that writer increments instead.
 * The id starts with the window, so the windows that are over are an `_id` range: forgetting them needs
 * no other index, and nothing ever reads them again anyway.
 */
import type { WriteCountRepository } from '../../ports/store.port'
import type { Scope } from './scope.cloudbase'
import { COLLECTION } from './cloudbase-db'

const DUPLICATE = 'DATABASE_DUPLICATE_WRITE'

/** node-sdk rejects with the error's code; some of its paths answer `{ code }` instead. */
function check<T>(result: T): T {
  const code = (result as { code?: unknown } | null)?.code
  if (code) throw Object.assign(new Error(String((result as { message?: unknown }).message ?? code)), { code })
  return result
}

export function cloudbaseWriteCounts(scope: Scope): WriteCountRepository {
  // Never in a transaction (the Store offers this repository outside them only): plain requests.
  const counts = () => scope.query(COLLECTION.writeCounts)
  return {
    take: async (key, windowStart, max) => {
      if (max <= 0) return false
      const _id = `${windowStart}_${key}`
      const increment = async () =>
        Number(check(await counts().where({ _id, count: scope.command.lt(max) }).update({ count: scope.command.inc(1) })).updated ?? 0) === 1
      try {
        check(await counts().add({ _id, count: 1 }))
        return true
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== DUPLICATE) throw error
      }
      // The window exists: opened by an earlier write, or by a concurrent first one just now.
      return increment()
    },
    forgetBefore: async (windowStart) =>
      Number(check(await counts().where({ _id: scope.command.lt(windowStart) }).remove()).deleted ?? 0),
  }
}
