/**
 * Where committed data survives a restart: one SQLite file (better-sqlite3) holding the collections,
 * the provisioned indexes and the latest committed version of every document, per environment.
 *
 * Only committed state is written, and each commit (a transaction's writes, or one plain write, or the
 * documents one where().update()/remove() touched) is one SQLite transaction, so a crash never leaves
 * half a commit. Documents keep their rowid across updates (an upsert, not a replace), so the natural
 * order a restart reloads is the order the running emulator had.
 */
import Database from 'better-sqlite3'
import { encodeDoc, parseStored, type Doc } from './ejson.codec'
import type { IndexSpec } from './index-manifest'

export interface DocumentChange {
  collection: string
  key: string
  /** null deletes the document. */
  doc: Doc | null
}

export interface StoredState {
  collections: string[]
  indexes: IndexSpec[]
  documents: { collection: string; key: string; doc: Doc }[]
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS collections (env TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (env, name));
  CREATE TABLE IF NOT EXISTS indexes (
    env TEXT NOT NULL, collection TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL,
    PRIMARY KEY (env, collection, name)
  );
  CREATE TABLE IF NOT EXISTS documents (
    env TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (env, collection, id)
  );
`

export class SqlitePersistence {
  private readonly db: Database.Database
  private readonly upsertDoc: Database.Statement<unknown[]>
  private readonly deleteDoc: Database.Statement<unknown[]>
  private readonly applyChanges: (changes: readonly DocumentChange[]) => void

  constructor(
    file: string,
    private readonly env: string,
  ) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // A development tool: durable at each commit against a process crash, not against power loss.
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(SCHEMA)
    this.upsertDoc = this.db.prepare(
      'INSERT INTO documents (env, collection, id, doc) VALUES (?, ?, ?, ?) ON CONFLICT (env, collection, id) DO UPDATE SET doc = excluded.doc',
    )
    this.deleteDoc = this.db.prepare('DELETE FROM documents WHERE env = ? AND collection = ? AND id = ?')
    this.applyChanges = this.db.transaction((changes: readonly DocumentChange[]) => {
      for (const { collection, key, doc } of changes) {
        if (doc) this.upsertDoc.run(this.env, collection, key, encodeDoc(doc))
        else this.deleteDoc.run(this.env, collection, key)
      }
    })
  }

  load(): StoredState {
    const collections = (
      this.db.prepare('SELECT name FROM collections WHERE env = ? ORDER BY rowid').all(this.env) as { name: string }[]
    ).map((row) => row.name)
    const indexes = (
      this.db.prepare('SELECT spec FROM indexes WHERE env = ? ORDER BY rowid').all(this.env) as { spec: string }[]
    ).map((row) => JSON.parse(row.spec) as IndexSpec)
    const documents = (
      this.db.prepare('SELECT collection, id, doc FROM documents WHERE env = ? ORDER BY rowid').all(this.env) as {
        collection: string
        id: string
        doc: string
      }[]
    ).map((row) => ({ collection: row.collection, key: row.id, doc: parseStored(row.doc) }))
    return { collections, indexes, documents }
  }

  addCollection(name: string): void {
    this.db.prepare('INSERT OR IGNORE INTO collections (env, name) VALUES (?, ?)').run(this.env, name)
  }

  putIndex(index: IndexSpec): void {
    this.db
      .prepare(
        'INSERT INTO indexes (env, collection, name, spec) VALUES (?, ?, ?, ?) ON CONFLICT (env, collection, name) DO UPDATE SET spec = excluded.spec',
      )
      .run(this.env, index.collection, index.name, JSON.stringify(index))
  }

  /** Applies one commit's changes atomically. */
  apply(changes: readonly DocumentChange[]): void {
    if (changes.length > 0) this.applyChanges(changes)
  }

  /** Drops every collection, index and document of the environment. */
  clear(): void {
    this.db.transaction(() => {
      for (const table of ['collections', 'indexes', 'documents']) {
        this.db.prepare(`DELETE FROM ${table} WHERE env = ?`).run(this.env)
      }
    })()
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
