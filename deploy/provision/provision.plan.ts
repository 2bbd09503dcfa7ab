/**
 * What provisioning must change, from the manifest and what the target has: a collection that is
 * missing, an index that is missing or has other keys under its name, a collection clients can reach.
 * Nothing else: a second run against the result plans no step. An index the manifest does not name is
 * left alone and reported (someone made it in the console; dropping it could slow a live query).
 */
import { sameIndex, type DatabaseManifest, type IndexSpec } from './index-manifest'
import type { CollectionState } from './provision.target'

export type ProvisionStep =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'updateIndexes'; collection: string; create: IndexSpec[]; replace: IndexSpec[] }
  | { kind: 'denyClients'; collection: string }

export interface ProvisionPlan {
  steps: ProvisionStep[]
  notes: string[]
}

export function provisionPlan(manifest: DatabaseManifest, described: Map<string, CollectionState>, hasRules: boolean): ProvisionPlan {
  const steps: ProvisionStep[] = []
  const notes: string[] = []
  for (const { name, indexes } of manifest.collections) {
    const state = described.get(name)
    if (!state) steps.push({ kind: 'createCollection', collection: name })
    const existing = state?.indexes ?? []
    const create = indexes.filter((index) => !existing.some((e) => e.name === index.name))
    const replace = indexes.filter((index) => existing.some((e) => e.name === index.name && !sameIndex(e, index)))
    if (create.length > 0 || replace.length > 0) steps.push({ kind: 'updateIndexes', collection: name, create, replace })
    for (const extra of existing.filter((e) => !indexes.some((index) => index.name === e.name))) {
      notes.push(`${name}: index ${extra.name} is not in indexes.json (left as it is)`)
    }
    if (hasRules && (!state || state.clients === 'allowed')) steps.push({ kind: 'denyClients', collection: name })
  }
  return { steps, notes }
}

export function describeStep(step: ProvisionStep): string {
  switch (step.kind) {
    case 'createCollection':
      return `${step.collection}: create collection`
    case 'updateIndexes':
      return `${step.collection}: ${[
        ...step.create.map((i) => `create index ${i.name}`),
        ...step.replace.map((i) => `replace index ${i.name}`),
      ].join(', ')}`
    case 'denyClients':
      return `${step.collection}: security rule {"read": false, "write": false}`
  }
}
