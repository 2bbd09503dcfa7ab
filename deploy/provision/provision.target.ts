/**
 * Where `npm run provision` applies the manifest: CloudBase through its management API
 * (manager-node.target.ts) or the local emulator's database admin (emulator.target.ts). Small on
 * purpose: describe what is there, then create collections, change indexes, set rules.
 */
import type { IndexSpec } from './index-manifest'

export interface CollectionState {
  /** Indexes other than the implicit `_id_`. */
  indexes: IndexSpec[]
  /** Whether clients are denied all access; `not-modelled` when the target has no client access at all. */
  clients: 'denied' | 'allowed' | 'not-modelled'
}

export interface ProvisionTarget {
  readonly label: string
  /** Whether the target has security rules (the emulator has no client access to rule). */
  readonly hasRules: boolean
  /** The state of each named collection that exists; an absent one is not in the map. */
  describe(collections: readonly string[]): Promise<Map<string, CollectionState>>
  createCollection(collection: string): Promise<void>
  /** `replace` are indexes whose name exists with other keys: dropped, then created. */
  updateIndexes(collection: string, change: { create: IndexSpec[]; replace: IndexSpec[] }): Promise<void>
  denyClients(collection: string): Promise<void>
}
