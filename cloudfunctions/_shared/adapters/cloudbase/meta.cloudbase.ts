/** Small named values on CloudBase: `meta/_id = key`. */
import type { MetaRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc } from './cloudbase-db'
import type { Scope } from './scope.cloudbase'

export function cloudbaseMeta(scope: Scope): MetaRepository {
  return {
    get: (key) => readDoc(scope.doc(COLLECTION.meta), key, (doc) => String(doc.value)),
    set: (key, value) => setDoc(scope.doc(COLLECTION.meta), key, { value }),
  }
}
