/** Early-warning alerts on SQLite: one row per slot; a subtree is the key range of its path prefix. */
import type Database from 'better-sqlite3'
import { refreshedAlert, type HotspotAlert } from '../../domain/hotspot.rule'
import type { HotspotRepository } from '../../ports/store.port'
import { pathKey, subtreeRange } from '../audit.index'
import { docOf, docsOf } from './json-doc'

export function sqliteHotspots(db: Database.Database): HotspotRepository {
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM hotspots WHERE slot = ?')
  const put = db.prepare(
    `INSERT INTO hotspots (slot, path_key, live_until, raised_at, doc) VALUES (@slot, @pathKey, @liveUntil, @raisedAt, @doc)
     ON CONFLICT(slot) DO UPDATE SET path_key = excluded.path_key, live_until = excluded.live_until,
       raised_at = excluded.raised_at, doc = excluded.doc`,
  )
  const live = db.prepare<[string, string, string, number], { doc: string }>(
    `SELECT doc FROM hotspots WHERE path_key >= ? AND path_key < ? AND live_until > ?
     ORDER BY raised_at DESC, slot DESC LIMIT ?`,
  )
  const write = (alert: HotspotAlert) =>
    put.run({ slot: alert.slot, pathKey: pathKey(alert.orgPath), liveUntil: alert.liveUntil, raisedAt: alert.raisedAt, doc: JSON.stringify(alert) })
  return {
    get: async (slot) => docOf<HotspotAlert>(get.get(slot)),
    put: async (alert) => void write(alert),
    // Read and write back at once: nothing else runs on the connection in between (store.sqlite.ts's lock).
    refresh: async (slot, refresh, maxCaseIds) => {
      const current = docOf<HotspotAlert>(get.get(slot))
      if (current) write(refreshedAlert(current, refresh, maxCaseIds))
    },
    liveIn: async (orgPath, now, limit) => {
      const { from, to } = subtreeRange(orgPath)
      return docsOf<HotspotAlert>(live.all(from, to, now, limit))
    },
  }
}
