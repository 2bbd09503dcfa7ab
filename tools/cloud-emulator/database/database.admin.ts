/**
 * The database as the host process drives it, without HTTP: provisioning (collections, the index
 * manifest), seeding, and reading committed documents back in tests. Synchronous: the store is.
 */
import { find } from 'mingo'
import { cloneValue, type Doc } from './ejson.codec'
import type { IndexManifest, IndexSpec } from './index-manifest'
import type { DatabaseService } from './database.service'

export interface DatabaseAdmin {
  /** Creates a collection; an existing one is left as it is. */
  createCollection(name: string): void
  /** Provisions indexes (the format of indexes.json); each collection must exist. Same name replaces. */
  createIndexes(manifest: IndexManifest): void
  /** Both at once: every `manifest.collections` entry and every indexed collection, then the indexes. */
  provision(manifest: IndexManifest): void
  collections(): string[]
  indexes(): IndexSpec[]
  /** Committed documents (copies), optionally filtered by a MongoDB-style filter (mingo; no index check). */
  find(collection: string, filter?: Record<string, unknown>): Doc[]
  /** Writes one document outside any transaction (a seed); `_id` is required. */
  put(collection: string, doc: Doc & { _id: string | number }): void
  /** Open transactions, after expiring those past their lifetime. */
  openTransactions(): number
  /** Drops every collection, index, document and open transaction of the environment. */
  reset(): void
}

export function databaseAdmin(service: DatabaseService): DatabaseAdmin {
  return {
    createCollection: (name) => service.createCollection(name),
    createIndexes: (manifest) => service.createIndexes(manifest),
    provision: (manifest) => {
      for (const name of manifest.collections ?? []) service.createCollection(name)
      for (const index of manifest.indexes ?? []) service.createCollection(index.collection)
      service.createIndexes(manifest)
    },
    collections: () => service.collectionNames(),
    indexes: () => service.indexes(),
    find: (collection, filter = {}) => find(service.committed(collection), filter).all().map((doc) => cloneValue(doc as Doc)),
    put: (collection, doc) => service.putDocument(collection, cloneValue(doc)),
    openTransactions: () => service.openTransactions(),
    reset: () => service.clear(),
  }
}
