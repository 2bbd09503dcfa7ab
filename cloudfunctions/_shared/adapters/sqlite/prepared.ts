/**
 * Statements whose SQL is built per call (an `IN (?, ?, …)` of as many marks as ids) prepared once per
 * connection and SQL text: better-sqlite3 compiles on every `prepare`, and the sweep's message text asks
 * for a case's org names each escalation (`orgs.many`, ~3.5 % of its CPU when prepared each time,
 * docs/benchmarks.md). The texts vary only by how many marks, so the cache stays small; past
 * MAX_KEPT (never reached by the product's reads) it starts over rather than grow.
 */
import type Database from 'better-sqlite3'

const MAX_KEPT = 512
const kept = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = kept.get(db)
  if (!statements) kept.set(db, (statements = new Map()))
  let statement = statements.get(sql)
  if (!statement) {
    if (statements.size >= MAX_KEPT) statements.clear()
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement
}

/** `?, ?, ?` for n values. */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(',')
