/**
 * Ballots on CloudBase: `ballots/_id = <deliberationId>:<voterOpenid>`, so one member has one ballot
 * per deliberation by construction and a vote reads and writes it by `_id` inside its transaction.
 */
import type { Ballot } from '../../domain/deliberation.state'
import type { BallotRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc, type Doc } from './cloudbase-db'
import { readAll } from './pager'
import type { Scope } from './scope.cloudbase'

const ballotId = (deliberationId: string, voterOpenid: string) => `${deliberationId}:${voterOpenid}`

/** Only the ballot's own fields: a document may carry others (`_id`, a console edit's `_openid`). */
const toBallot = (doc: Doc): Ballot => ({
  deliberationId: String(doc.deliberationId),
  voterOpenid: String(doc.voterOpenid),
  choices: (doc.choices as number[]).map(Number),
  castAt: String(doc.castAt),
  ...(doc.proxy ? { proxy: doc.proxy as NonNullable<Ballot['proxy']> } : {}),
  history: (doc.history as Ballot['history'] | undefined) ?? [],
  changes: Number(doc.changes ?? 0),
})

export function cloudbaseBallots(scope: Scope): BallotRepository {
  return {
    get: (deliberationId, voterOpenid) => readDoc(scope.doc(COLLECTION.ballots), ballotId(deliberationId, voterOpenid), toBallot),
    // set() replaces the whole document: a proxy note the new ballot lacks is gone, as on SQLite.
    put: (ballot) => setDoc(scope.doc(COLLECTION.ballots), ballotId(ballot.deliberationId, ballot.voterOpenid), { ...ballot }),
    of: async (deliberationId) => (await readAll(scope.command, scope.query(COLLECTION.ballots), { deliberationId })).map(toBallot),
  }
}
