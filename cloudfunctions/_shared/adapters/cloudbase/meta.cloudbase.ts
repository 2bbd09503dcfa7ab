/** Small named values on CloudBase: `meta/_id = key`. */
import type { MetaRepository } from '../../ports/store.port'
import { getDoc } from './cloudbase-db'
import type { Scope } from './scope.cloudbase'

export const META = 'meta'

export function cloudbaseMeta(scope: Scope): MetaRepository {
  return {
    get: async (key) => {
      const doc = await getDoc(scope.doc(META), key)
      return doc ? String(doc.value) : null
    },
    set: async (key, value) => {
      await scope.doc(META).doc(key).set({ value })
    },
  }
}
