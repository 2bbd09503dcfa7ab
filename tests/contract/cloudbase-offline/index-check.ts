/**
 * Test-only: refuses a query that no index of the manifest names, so a query added to the adapter
 * without its index fails the offline suite instead of scanning a production collection.
 *
 * The rule is deliberately simple: some index of the collection must contain every field the query
 * filters or sorts on (`_id` aside, which every collection indexes). It proves the manifest is complete
 * by name, not that the server's planner would choose that index.
 */
export interface IndexSpec {
  collection: string
  name: string
  fields: { name: string; direction: number }[]
}

/** The fields a MongoDB-style filter constrains, through $and / $or / $nor. */
function filterFields(filter: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(filter)) {
    for (const part of filter) filterFields(part, out)
  } else if (filter && typeof filter === 'object') {
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
  const needed = new Set([...filterFields(filter), ...Object.keys(order ?? {})])
  needed.delete('_id')
  if (needed.size === 0) return
  const covered = indexes.some(
    (index) => index.collection === collection && [...needed].every((f) => index.fields.some((i) => i.name === f)),
  )
  if (!covered) {
    throw new Error(
      `no index in indexes.json covers ${collection} on [${[...needed].join(', ')}] — add one (the query would scan the collection)`,
    )
  }
}
