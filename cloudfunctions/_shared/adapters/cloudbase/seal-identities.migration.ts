/**
 * The one-off CloudBase counterpart of SQLite migration 10 (docs/security.md, "What is kept at rest"):
 * rewrites documents written before identities were sealed, so no reporter's or recipient's openid
 * stays in plain text and every lookup by tag finds them. Run by `npx tsx scripts/seal-identities.ts`
 * (credentials and the production PHONE_ENCRYPTION_KEY from the environment; see that file) once the
 * new functions are deployed. Until it has run, old documents still read back (sealed-identity.ts opens
 * a plain openid as it is) but 我的反映, the resend check, her message centre and her credits do not find
 * them.
 *
 * Repeatable and resumable: every document is checked and rewritten on its own, in a transaction that
 * re-reads it, so a rerun, a second run at the same time or live functions writing meanwhile change
 * nothing twice and lose nothing. Pages go by `_id` only (no index needed).
 */
import type { CaseEvent } from '../../domain/case.events'
import type { CaseState } from '../../domain/case.state'
import type { Cipher } from '../../ports/cipher.port'
import type { MessageRecord } from '../../ports/store.port'
import { identitySeal, openCase, sealCase, sealEvent, sealMessage, type IdentitySeal } from '../sealed-identity'
import { COLLECTION, getDoc, type CloudbaseDb, type Doc } from './cloudbase-db'
import { pagesOf } from './pager'
import { runTransaction } from './scope.cloudbase'
import { eventId, requestId } from './cases.cloudbase'
import { creditId } from './credits.cloudbase'

export interface SealReport {
  cases: number
  events: number
  messages: number
  credits: number
  contacts: number
  audit: number
}

const PAGE_SIZE = 100

/** Every document of a collection, page by page in `_id` order: small pages, each rewritten before the next is read. */
const everyDoc = (db: CloudbaseDb, collection: string): AsyncGenerator<Doc> =>
  pagesOf(db.command, { from: db.collection(collection), pageSize: PAGE_SIZE })

const withoutId = ({ _id, ...fields }: Doc): Doc => fields
const isLegacyCase = (doc: Doc | null) => typeof (doc?.state as { reporter?: { openid?: unknown } } | undefined)?.reporter?.openid === 'string'

async function sealCaseDoc(db: CloudbaseDb, seal: IdentitySeal, name: (c: string) => string, id: string): Promise<number> {
  return runTransaction(db, async (tx) => {
    const doc = await getDoc(tx.collection(name(COLLECTION.cases)), id)
    if (!doc || !isLegacyCase(doc)) return -1
    const state = openCase(seal, doc.state as Doc) as CaseState
    const tag = seal.person(state.reporter.openid)
    const { reporterOpenid: _plain, ...fields } = withoutId(doc)
    await tx.collection(name(COLLECTION.cases)).doc(id).set({ ...fields, reporterTag: tag, state: sealCase(seal, state) })
    const clientRequestId = typeof doc.clientRequestId === 'string' ? doc.clientRequestId : null
    if (clientRequestId) {
      await tx.collection(name(COLLECTION.caseRequests)).doc(requestId(tag, clientRequestId)).set({ caseId: id })
      await tx.collection(name(COLLECTION.caseRequests)).doc(`${state.reporter.openid}:${clientRequestId}`).remove()
    }
    // Its events by their `_id`s (caseId:seq), in the same transaction: the case and its timeline change together.
    let events = 0
    for (let seq = 1; seq <= Number(doc.eventCount ?? 0); seq++) {
      const stored = await getDoc(tx.collection(name(COLLECTION.caseEvents)), eventId(id, seq))
      if (!stored) continue
      const event = stored.event as CaseEvent
      await tx.collection(name(COLLECTION.caseEvents)).doc(eventId(id, seq)).set({ ...withoutId(stored), event: sealEvent(seal, event, state.reporter.openid) })
      events++
    }
    return events
  })
}

async function sealMessageDoc(db: CloudbaseDb, seal: IdentitySeal, name: (c: string) => string, id: string): Promise<boolean> {
  return runTransaction(db, async (tx) => {
    const doc = await getDoc(tx.collection(name(COLLECTION.messages)), id)
    if (!doc || typeof doc.openid !== 'string' || typeof doc.sealed === 'string') return false
    const message = { ...withoutId(doc), id } as unknown as MessageRecord
    const { id: _id, ...sealed } = sealMessage(seal, message)
    await tx.collection(name(COLLECTION.messages)).doc(id).set(sealed)
    await tx.collection(name(COLLECTION.messageKeys)).doc(seal.messageKey(message.dedupeKey)).set({ messageId: id })
    await tx.collection(name(COLLECTION.messageKeys)).doc(message.dedupeKey).remove()
    return true
  })
}

async function sealCreditDoc(db: CloudbaseDb, seal: IdentitySeal, name: (c: string) => string, id: string): Promise<boolean> {
  return runTransaction(db, async (tx) => {
    const doc = await getDoc(tx.collection(name(COLLECTION.credits)), id)
    if (!doc || typeof doc.openid !== 'string') return false
    const personTag = seal.person(doc.openid)
    const templateId = String(doc.templateId)
    // Live code may already have granted under her tag: the two counts add up.
    const current = await getDoc(tx.collection(name(COLLECTION.credits)), creditId(personTag, templateId))
    const count = Number(current?.count ?? 0) + Number(doc.count ?? 0)
    await tx.collection(name(COLLECTION.credits)).doc(creditId(personTag, templateId)).set({ personTag, templateId, count })
    await tx.collection(name(COLLECTION.credits)).doc(id).remove()
    return true
  })
}

/** Rewrites what is left to rewrite and answers how many documents of each kind it changed. */
export async function sealIdentities(
  db: CloudbaseDb,
  cipher: Cipher,
  options: { collectionPrefix?: string } = {},
): Promise<SealReport> {
  const seal = identitySeal(cipher)
  const name = (logical: string) => `${options.collectionPrefix ?? ''}${logical}`
  const report: SealReport = { cases: 0, events: 0, messages: 0, credits: 0, contacts: 0, audit: 0 }

  for await (const doc of everyDoc(db, name(COLLECTION.cases))) {
    if (!isLegacyCase(doc)) continue
    const events = await sealCaseDoc(db, seal, name, String(doc._id))
    if (events >= 0) {
      report.cases++
      report.events += events
    }
  }
  for await (const doc of everyDoc(db, name(COLLECTION.messages))) {
    if (typeof doc.openid === 'string' && (await sealMessageDoc(db, seal, name, String(doc._id)))) report.messages++
  }
  for await (const doc of everyDoc(db, name(COLLECTION.credits))) {
    if (typeof doc.openid === 'string' && (await sealCreditDoc(db, seal, name, String(doc._id)))) report.credits++
  }
  for await (const doc of everyDoc(db, name(COLLECTION.contacts))) {
    if (typeof doc.address !== 'string') continue
    const id = String(doc._id)
    const sealed = await runTransaction(db, async (tx) => {
      // Re-read: a purge meanwhile must not be undone by writing the contact back.
      const current = await getDoc(tx.collection(name(COLLECTION.contacts)), id)
      if (!current || typeof current.address !== 'string') return false
      const { address, ...fields } = withoutId(current)
      // set(), not update(): the plain field must be gone, not merged around.
      await tx.collection(name(COLLECTION.contacts)).doc(id).set({ ...fields, addressCipher: seal.seal(String(address)) })
      return true
    })
    if (sealed) report.contacts++
  }
  for await (const doc of everyDoc(db, name(COLLECTION.audit))) {
    if (doc.actorRole !== 'resident' || !doc.actorOpenid) continue
    await db.collection(name(COLLECTION.audit)).doc(String(doc._id)).update({ actorOpenid: null })
    report.audit++
  }
  return report
}
