/**
 * Whether one request queued a message: the delivery right after a write (handle.ts, `afterWrite`)
 * has something of the request's own to send only then, and a write that queued nothing (a ballot, a
 * comment) skips its query of the outbox. Leftovers of other writes wait for the notify timer, as
 * they would if this request had not come.
 *
 * Per request, never per process: an instance serves many requests at once on one `Deps` (the local
 * host, the bench), so the request's own view of the store notes what it adds — outside a transaction
 * and in every transaction it runs. A row offered counts even when the store skips it as a duplicate
 * or the transaction is retried: that costs one needless delivery query, never a missed one.
 */
import type { Deps } from '../context/deps'
import type { MessageRepository, Repositories, Store } from '../ports/store.port'

export interface QueuedMessagesWatch {
  /** The request's deps: the same ports, with a store that notes every message it is asked to add. */
  deps: Deps
  /** Whether the request has offered at least one message to the store so far. */
  queued(): boolean
}

export function watchQueuedMessages(deps: Deps): QueuedMessagesWatch {
  let queued = false
  const noting = (messages: MessageRepository): MessageRepository => {
    const add: MessageRepository['add'] = (rows, options) => {
      if (rows.length > 0) queued = true
      return messages.add(rows, options)
    }
    return new Proxy(messages, { get: (target, key) => (key === 'add' ? add : Reflect.get(target, key)) })
  }
  // Proxies, not copies: the production deps make their ports when first read (runtime/cloud-entry.ts),
  // and a copy would read them all.
  const repositories = (tx: Repositories): Repositories =>
    new Proxy(tx, { get: (target, key) => (key === 'messages' ? noting(target.messages) : Reflect.get(target, key)) })
  const store = (target: Store): Store => {
    const transaction: Store['transaction'] = (fn) => target.transaction((tx) => fn(repositories(tx)))
    return new Proxy(target, {
      get: (t, key) => (key === 'messages' ? noting(t.messages) : key === 'transaction' ? transaction : Reflect.get(t, key)),
    })
  }
  let watchedStore: Store | undefined
  const requestDeps = new Proxy(deps, {
    get: (target, key) => (key === 'store' ? (watchedStore ??= store(target.store)) : Reflect.get(target, key)),
  })
  return { deps: requestDeps, queued: () => queued }
}
