/**
 * The `dedupe_key` column of a SQLite message row: the key's tag (sealed-identity.ts messageKey: the
 * key names the recipient), led by the id the key starts with when it starts with one of ours
 * (`<prefix>_<32 hex>`: a case's, a deliberation's; ids.ts), in the clear, as every table keeps ids.
 * The tags are random, so a change's messages (three on an escalation) landed on three leaves of the
 * unique index anywhere in the file; led by the case id they share one, and new cases' ids lead with
 * the time, so their rows append (docs/benchmarks.md, sweep_rate). Still one value per key, so the
 * index guards exactly as before. Migration 19 gave the rows stored earlier the same form.
 */
import type { IdentitySeal } from '../sealed-identity'

const LEADING_ID = /^[a-z]+_[0-9a-f]{32}(?![0-9a-z])/

export function storedDedupeKey(seal: Pick<IdentitySeal, 'messageKey'>, dedupeKey: string): string {
  const tag = seal.messageKey(dedupeKey)
  const id = LEADING_ID.exec(dedupeKey)?.[0]
  return id ? `${id}.${tag}` : tag
}
