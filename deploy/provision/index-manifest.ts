/**
 * The database the functions need, read from the CloudBase adapter's manifest
 * (cloudfunctions/_shared/adapters/cloudbase/indexes.json): every collection, every index, and the
 * security rule every collection gets. Only the functions touch the database (as admins); the app reaches
 * it only through them, so no client may read or write any collection.
 */
import manifestJson from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'

export interface IndexField {
  name: string
  direction: 1 | -1
}

export interface IndexSpec {
  name: string
  fields: IndexField[]
  unique: boolean
}

export interface DatabaseManifest {
  /** Every collection, in the manifest's order, with the indexes it should have. */
  collections: { name: string; indexes: IndexSpec[] }[]
}

/** The security rule of every collection: no client access (the console's 「所有用户不可读写」). */
export const DENY_ALL_CLIENTS = { read: false, write: false } as const

interface ManifestJson {
  collections: readonly string[]
  indexes: readonly { collection: string; name: string; fields: readonly { name: string; direction: number }[]; unique?: boolean }[]
}

export function readManifest(json: ManifestJson = manifestJson): DatabaseManifest {
  const names = [...json.collections, ...json.indexes.map((i) => i.collection).filter((c) => !json.collections.includes(c))]
  return {
    collections: [...new Set(names)].map((name) => ({
      name,
      indexes: json.indexes
        .filter((index) => index.collection === name)
        .map((index) => ({
          name: index.name,
          unique: Boolean(index.unique),
          fields: index.fields.map(({ name: field, direction }) => {
            if (direction !== 1 && direction !== -1) throw new Error(`indexes.json: ${index.name}.${field} has direction ${direction}`)
            return { name: field, direction }
          }),
        })),
    })),
  }
}

export const sameIndex = (a: IndexSpec, b: IndexSpec): boolean =>
  a.unique === b.unique &&
  a.fields.length === b.fields.length &&
  a.fields.every((field, i) => field.name === b.fields[i]?.name && field.direction === b.fields[i]?.direction)
