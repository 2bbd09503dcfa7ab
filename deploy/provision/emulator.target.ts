/**
 * The provisioning target on the local CloudBase emulator (tools/cloud-emulator), through its database
 * admin handle — typed here by shape, so nothing shipped depends on tools/. The emulator has no client
 * access at all (only registered functions, as admins: tools/cloud-emulator/README.md), so there are no
 * rules to set. An index created under an existing name replaces it (database.admin.ts createIndexes).
 */
import type { IndexSpec } from './index-manifest'
import type { CollectionState, ProvisionTarget } from './provision.target'

interface EmulatorIndex {
  collection: string
  name: string
  fields: { name: string; direction: number }[]
  unique?: boolean
}

export interface EmulatorDatabaseAdmin {
  createCollection(name: string): void
  createIndexes(manifest: { indexes: readonly EmulatorIndex[] }): void
  collections(): string[]
  indexes(): EmulatorIndex[]
}

export function emulatorTarget(database: EmulatorDatabaseAdmin, label = 'CloudBase emulator'): ProvisionTarget {
  return {
    label,
    hasRules: false,
    describe: async (collections) => {
      const existing = new Set(database.collections())
      const all = database.indexes()
      const states = new Map<string, CollectionState>()
      for (const name of collections.filter((c) => existing.has(c))) {
        const indexes = all
          .filter((i) => i.collection === name)
          .map((i): IndexSpec => ({
            name: i.name,
            unique: Boolean(i.unique),
            fields: i.fields.map((f) => ({ name: f.name, direction: f.direction === -1 ? -1 : 1 })),
          }))
        states.set(name, { indexes, clients: 'not-modelled' })
      }
      return states
    },
    createCollection: async (collection) => database.createCollection(collection),
    updateIndexes: async (collection, { create, replace }) =>
      database.createIndexes({ indexes: [...create, ...replace].map((index) => ({ collection, ...index })) }),
    denyClients: async () => {
      throw new Error('the emulator has no client access to rule')
    },
  }
}
