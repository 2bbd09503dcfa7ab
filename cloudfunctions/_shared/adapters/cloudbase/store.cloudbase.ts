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
import type { CloudbaseDb } from './cloudbase-db'
import { CASES, CASE_EVENTS, CASE_REQUESTS, cloudbaseCases } from './cases.cloudbase'
import { CONTACTS, cloudbaseContacts } from './contacts.cloudbase'
import { COUNTERS, cloudbaseCounters } from './counters.cloudbase'
import { DELIBERATIONS, cloudbaseDeliberations } from './deliberations.cloudbase'
import { BALLOTS, cloudbaseBallots } from './ballots.cloudbase'
import { DELIBERATION_COMMENTS, cloudbaseComments } from './comments.cloudbase'
import { COUNCIL_GROUPS, cloudbaseCouncilGroups } from './council-groups.cloudbase'
import { INVITATIONS, cloudbaseInvitations } from './invitations.cloudbase'
import { AUDIT, cloudbaseAudit } from './audit.cloudbase'
import { MEDIA_CHECKS, cloudbaseMediaChecks } from './media-checks.cloudbase'
import { CREDITS, cloudbaseCredits } from './credits.cloudbase'
import { MESSAGES, MESSAGE_KEYS, cloudbaseMessages } from './messages.cloudbase'
import { META, cloudbaseMeta } from './meta.cloudbase'
import { ORGS, cloudbaseOrgs } from './orgs.cloudbase'
import { MEMBERSHIPS, USERS, cloudbasePeople } from './people.cloudbase'
import { WRITE_COUNTS, cloudbaseWriteCounts } from './write-counts.cloudbase'
import { insideScope, outsideScope, runTransaction, type Scope } from './scope.cloudbase'
import type { Cipher } from '../../ports/cipher.port'
import { identitySeal, type IdentitySeal } from '../sealed-identity'

export type { CloudbaseDb } from './cloudbase-db'

/** Every collection the adapter reads or writes (they must exist before the first call). */
export const COLLECTIONS = [
  ORGS,
  USERS,
  MEMBERSHIPS,
  META,
  CASES,
  CASE_EVENTS,
  CASE_REQUESTS,
  MESSAGES,
  MESSAGE_KEYS,
  CONTACTS,
  CREDITS,
  COUNTERS,
  DELIBERATIONS,
  BALLOTS,
  DELIBERATION_COMMENTS,
  COUNCIL_GROUPS,
  INVITATIONS,
  AUDIT,
  MEDIA_CHECKS,
  WRITE_COUNTS,
] as const

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

function repositories(scope: Scope, seal: IdentitySeal): Repositories {
  return {
    orgs: cloudbaseOrgs(scope),
    people: cloudbasePeople(scope),
    cases: cloudbaseCases(scope, seal),
    messages: cloudbaseMessages(scope, seal),
    contacts: cloudbaseContacts(scope),
    credits: cloudbaseCredits(scope, seal),
    meta: cloudbaseMeta(scope),
    counters: cloudbaseCounters(scope),
    deliberations: cloudbaseDeliberations(scope),
    ballots: cloudbaseBallots(scope),
    comments: cloudbaseComments(scope),
    councilGroups: cloudbaseCouncilGroups(scope),
    invitations: cloudbaseInvitations(scope),
    audit: cloudbaseAudit(scope),
    mediaChecks: cloudbaseMediaChecks(scope),
  }
}

export function createCloudbaseStore(db: CloudbaseDb, options: CloudbaseStoreOptions = {}): Store {
  const prefix = options.collectionPrefix ?? ''
  const name = (logical: string) => `${prefix}${logical}`
  const seal = identitySeal(options.cipher)
  const outside = outsideScope(db, name)
  return {
    ...repositories(outside, seal),
    writeCounts: cloudbaseWriteCounts(outside),
    // The SDK's runTransaction, with more retries on conflict: `fn` may run again, as the port says.
    transaction: (fn) => runTransaction(db, (tx) => fn(repositories(insideScope(db, tx, name), seal))),
    close: async () => {},
  }
}
