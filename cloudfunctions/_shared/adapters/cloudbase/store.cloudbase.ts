/**
 * The Store port on the CloudBase document database (@cloudbase/node-sdk's database API). Production
 * only: without credentials the SDK crashes the process, so the local host never imports this file
 * and tests reach it only through the offline contract suite (a fake transport) or the live one.
 *
 * Each repository lives in its own file; this one composes them, in or out of a transaction. Every
 * document uses the record's natural id as `_id`, so every write is by `_id` — all a CloudBase
 * transaction allows. The collections and the indexes their queries need: indexes.json.
 */
import type { Repositories, Store } from '../../ports/store.port'
import { COLLECTION, type CloudbaseDb } from './cloudbase-db'
import { cloudbaseCases } from './cases.cloudbase'
import { cloudbaseContacts } from './contacts.cloudbase'
import { cloudbaseCounters } from './counters.cloudbase'
import { cloudbaseDeliberations } from './deliberations.cloudbase'
import { cloudbaseBallots } from './ballots.cloudbase'
import { cloudbaseComments } from './comments.cloudbase'
import { cloudbaseCouncilGroups } from './council-groups.cloudbase'
import { cloudbaseInvitations } from './invitations.cloudbase'
import { cloudbaseAudit } from './audit.cloudbase'
import { cloudbaseMediaChecks } from './media-checks.cloudbase'
import { cloudbaseCredits } from './credits.cloudbase'
import { cloudbaseMessages } from './messages.cloudbase'
import { cloudbaseMeta } from './meta.cloudbase'
import { cloudbaseOrgs } from './orgs.cloudbase'
import { cloudbasePeople } from './people.cloudbase'
import { cloudbaseWriteCounts } from './write-counts.cloudbase'
import { cloudbaseHotspots } from './hotspots.cloudbase'
import { cloudbaseAnswers } from './answers.cloudbase'
import { cloudbaseAnnouncements, cloudbaseFeedMarks } from './announcements.cloudbase'
import { cloudbaseSurveyAnswers, cloudbaseSurveyCounters, cloudbaseSurveys } from './surveys.cloudbase'
import { cloudbaseSupporters } from './supporters.cloudbase'
import { runTransaction, scopeOf, type Scope } from './scope.cloudbase'
import { deltaBuffer, foldCounterDeltas, type DeltaBuffer } from './counter-deltas.cloudbase'
import type { Cipher } from '../../ports/cipher.port'
import { identitySeal, type IdentitySeal } from '../sealed-identity'

/** Every collection the adapter reads or writes (they must exist before the first call). */
export const COLLECTIONS = Object.values(COLLECTION)

export interface CloudbaseStoreOptions {
  /** Prepended to every collection name: lets the live contract suite use its own collections. */
  collectionPrefix?: string
  /**
   * Tags and seals the openids of reporters and message recipients (sealed-identity.ts): production
   * passes the cipher of the checked PHONE_ENCRYPTION_KEY. Without one (the demo seed) the store
   * refuses to store or read a person's identity.
   */
  cipher?: Cipher
}

/** `deltas`: inside a transaction, where its counter changes wait until it ends (counters.cloudbase.ts). */
function repositories(scope: Scope, seal: IdentitySeal, deltas?: DeltaBuffer): Repositories {
  return {
    orgs: cloudbaseOrgs(scope),
    people: cloudbasePeople(scope, seal),
    cases: cloudbaseCases(scope, seal),
    messages: cloudbaseMessages(scope, seal),
    contacts: cloudbaseContacts(scope),
    credits: cloudbaseCredits(scope, seal),
    meta: cloudbaseMeta(scope),
    counters: cloudbaseCounters(scope, deltas),
    deliberations: cloudbaseDeliberations(scope),
    ballots: cloudbaseBallots(scope),
    comments: cloudbaseComments(scope),
    councilGroups: cloudbaseCouncilGroups(scope),
    invitations: cloudbaseInvitations(scope),
    audit: cloudbaseAudit(scope),
    mediaChecks: cloudbaseMediaChecks(scope),
    hotspots: cloudbaseHotspots(scope),
    answers: cloudbaseAnswers(scope),
    announcements: cloudbaseAnnouncements(scope),
    feedMarks: cloudbaseFeedMarks(scope, seal),
    surveys: cloudbaseSurveys(scope),
    surveyAnswers: cloudbaseSurveyAnswers(scope, seal),
    surveyCounters: cloudbaseSurveyCounters(scope),
    supporters: cloudbaseSupporters(scope, seal),
  }
}

export function createCloudbaseStore(db: CloudbaseDb, options: CloudbaseStoreOptions = {}): Store {
  const prefix = options.collectionPrefix ?? ''
  const name = (logical: string) => `${prefix}${logical}`
  const seal = identitySeal(options.cipher)
  const outside = scopeOf(db, name)
  return {
    ...repositories(outside, seal),
    writeCounts: cloudbaseWriteCounts(outside),
    // The SDK's runTransaction, with more retries on conflict: `fn` may run again, as the port says.
    // Its counter changes are written last, as one document (counter-deltas.cloudbase.ts).
    transaction: (fn) =>
      runTransaction(db, async (tx) => {
        const scope = scopeOf(db, name, tx)
        const deltas = deltaBuffer()
        const result = await fn(repositories(scope, seal, deltas))
        await deltas.writeIn(scope.doc)
        return result
      }),
    foldCounters: (deadline) => foldCounterDeltas(db, name, deadline),
    close: async () => {},
  }
}
