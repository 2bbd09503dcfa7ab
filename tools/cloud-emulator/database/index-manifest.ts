/**
 * The index manifest the database was provisioned with, and the check every query passes.
 *
 * The manifest has the shape of cloudfunctions/_shared/adapters/cloudbase/indexes.json. The rule is
 * the one tests/contract/cloudbase-offline/index-check.ts introduced: some index of the collection
 * must name every field the query filters or sorts on (`_id` aside, which every collection indexes).
 * This is stricter than CloudBase, which would run the query as a collection scan; it proves the
 * manifest is complete by name, not that the server's planner would choose that index.
 */
import { CloudError, CODES } from '../cloud-error'

export interface IndexSpec {
  collection: string
  name: string
  fields: { name: string; direction: number }[]
  unique?: boolean
}

export interface IndexManifest {
  collections?: readonly string[]
  indexes: readonly IndexSpec[]
}

/** Checks one index entry's shape (the admin call accepts untyped JSON). */
export function validateIndex(index: unknown): IndexSpec {
  const i = index as Partial<IndexSpec> | null
  const ok =
    i !== null &&
    typeof i === 'object' &&
    typeof i.collection === 'string' &&
    typeof i.name === 'string' &&
    Array.isArray(i.fields) &&
    i.fields.length > 0 &&
    i.fields.every((f) => typeof f?.name === 'string' && (f.direction === 1 || f.direction === -1))
  if (!ok) throw new Error(`invalid index entry: ${JSON.stringify(index)}`)
  return {
    collection: i.collection!,
    name: i.name!,
    fields: i.fields!.map((f) => ({ name: f.name, direction: f.direction })),
    unique: Boolean(i.unique),
  }
}

/** The fields a MongoDB-style filter constrains, through $and / $or / $nor. */
function filterFields(filter: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(filter)) {
    for (const part of filter) filterFields(part, out)
  } else if (filter && typeof filter === 'object' && !(filter instanceof RegExp) && !(filter instanceof Date)) {
    for (const [field, value] of Object.entries(filter)) {
      if (field.startsWith('$')) filterFields(value, out)
      else out.add(field)
    }
  }
  return out
}

export function checkIndexed(
  indexes: readonly IndexSpec[],
  collection: string,
  filter: unknown,
  order: Record<string, unknown> | undefined,
): void {
  const needed = new Set([...filterFields(filter, new Set()), ...Object.keys(order ?? {})])
  needed.delete('_id')
  if (needed.size === 0) return
  const covered = indexes.some(
    (index) => index.collection === collection && [...needed].every((f) => index.fields.some((i) => i.name === f)),
  )
  if (!covered) {
    throw new CloudError(
      CODES.EMULATOR_QUERY_NOT_INDEXED,
      `no provisioned index covers ${collection} on [${[...needed].join(', ')}] — add one to the index manifest (on CloudBase the query would scan the collection)`,
    )
  }
}
