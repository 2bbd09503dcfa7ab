/**
 * Who follows a case on CloudBase: `case_supporters/_id = <case id>:<person tag>` with `caseId`,
 * `personTag`, `sealed` (her openid, sealed-identity.ts) and `at`. The id makes following twice one
 * document; a case's followers are one range of (caseId, at), hers one range of (personTag, at desc)
 * (indexes.json).
 */
import type { SupporterRepository } from '../../ports/store.port'
import { COLLECTION, getDoc } from './cloudbase-db'
import { readPages } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'
import type { IdentitySeal } from '../sealed-identity'

export function cloudbaseSupporters(scope: Scope, seal: IdentitySeal): SupporterRepository {
  const idOf = (caseId: string, openid: string) => `${caseId}:${seal.person(openid)}`
  return {
    add: (caseId, openid, at) =>
      rewriteDoc(scope, COLLECTION.supporters, idOf(caseId, openid), (current) =>
        current ? null : { caseId, personTag: seal.person(openid), sealed: seal.seal(openid), at },
      ),
    has: async (caseId, openid) => (await getDoc(scope.doc(COLLECTION.supporters), idOf(caseId, openid))) !== null,
    ofCase: async (caseId, limit) => {
      const docs = await readPages(scope.command, {
        from: scope.query(COLLECTION.supporters),
        where: [{ caseId }],
        orderBy: 'at',
        direction: 'asc',
        limit,
      })
      return docs.map((doc) => seal.open(String(doc.sealed)))
    },
    followedBy: async (openid, limit) => {
      const docs = await readPages(scope.command, {
        from: scope.query(COLLECTION.supporters),
        where: [{ personTag: seal.person(openid) }],
        orderBy: 'at',
        direction: 'desc',
        limit,
      })
      return docs.map((doc) => ({ caseId: String(doc.caseId), at: String(doc.at) }))
    },
  }
}
