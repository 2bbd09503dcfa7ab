/**
 * How a person's openid is kept at rest by every Store adapter (docs/security.md, docs/privacy.md):
 * never in plain text.
 *
 * The port still takes and gives openids (the domain and the handlers compare them in memory); what
 * an adapter writes holds instead
 * - a tag (Cipher.tag, a keyed hash) wherever the store must find her again: a reporter's cases and
 *   her resend check, a person's message centre and her subscription credits;
 * - a sealed copy (Cipher.encrypt) wherever the system must reach her: the reporter of a case (her
 *   messages are addressed from it), the recipient of a message (delivery sends to it).
 * So a copy of the data folder or of the database names nobody: the tags are useless without the key,
 * and the sealed copies open only with it.
 *
 * Every reporter gets this, named or anonymous: the two differ only in what people are shown, and a
 * row that looked different for an anonymous report would itself say which reports are anonymous.
 * Every message row gets it too, whoever receives it: a reporter may also be a council member or a
 * cadre, and a row's shape must not say whether its recipient reported something.
 *
 * Records written before this (plain `openid` fields) still read back as they were; the SQLite
 * migration 10 and the CloudBase script (cloudbase/seal-identities.migration.ts) rewrite them.
 */
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import type { Cipher } from '../ports/cipher.port'
import type { MessageRecord } from '../ports/store.port'
import { ratingEventAsToday, ratingStateAsToday } from './legacy-rating'

/** The tag purposes. One per kind of lookup, so a tag of one kind says nothing about another. */
const PERSON = 'person'
const MESSAGE_KEY = 'message-key'

export interface IdentitySeal {
  /** The tag a person's cases, messages and credits are found by. */
  person(openid: string): string
  /** A message's dedupe key (it names the recipient) as the store's uniqueness guard keeps it. */
  messageKey(dedupeKey: string): string
  seal(plain: string): string
  open(sealed: string): string
}

/** A store opened without a cipher (a seed run, a test of orgs only) refuses to store a person. */
const NO_CIPHER: Cipher = { encrypt: missing, decrypt: missing, tag: missing }
function missing(): never {
  throw new Error('this store was opened without a cipher: it cannot store or read a person’s identity')
}

/** Person tags remembered per seal: a keyed hash of the same openid is the same tag. */
const TAGS_KEPT = 4096

export function identitySeal(cipher: Cipher | undefined): IdentitySeal {
  const c = cipher ?? NO_CIPHER
  // The cadres a sweep's messages reach and the members a deliberation reminds are the same few
  // people again and again: their tags are computed once (an HMAC each, docs/benchmarks.md). Bounded,
  // started over when full; only what this process already holds in memory (the openids it handles).
  const tags = new Map<string, string>()
  return {
    person: (openid) => {
      let tag = tags.get(openid)
      if (tag === undefined) {
        if (tags.size >= TAGS_KEPT) tags.clear()
        tag = c.tag(PERSON, openid)
        tags.set(openid, tag)
      }
      return tag
    },
    messageKey: (dedupeKey) => c.tag(MESSAGE_KEY, dedupeKey),
    seal: (plain) => c.encrypt(plain),
    open: (sealed) => c.decrypt(sealed),
  }
}

/** The reporter as stored: her tag (lookups), her openid sealed (messages), anonymous or not. */
interface StoredReporter {
  tag: string
  sealed: string
  anonymous: boolean
}

type Json = Record<string, unknown>

/**
 * Each reporter openReporter gave, with the stored form she was read from. Every save of a case seals
 * its reporter again, though she never changes (evolve keeps her object): handed back that same object,
 * sealReporter returns the form it was read from instead of a new encryption of the same openid (a
 * fresh IV, ~10 µs) and its tag, which the store's key made from the same openid. Weak: nothing is
 * kept beyond the state that holds her.
 */
const readFrom = new WeakMap<CaseState['reporter'], { seal: IdentitySeal; openid: string; stored: StoredReporter }>()

function sealReporter(seal: IdentitySeal, reporter: CaseState['reporter']): StoredReporter {
  const known = readFrom.get(reporter)
  if (known && known.seal === seal && known.openid === reporter.openid && known.stored.anonymous === reporter.anonymous) return known.stored
  return { tag: seal.person(reporter.openid), sealed: seal.seal(reporter.openid), anonymous: reporter.anonymous }
}

function openReporter(seal: IdentitySeal, stored: unknown): CaseState['reporter'] {
  const reporter = stored as Partial<StoredReporter> & { openid?: string; anonymous: boolean }
  // Written before sealing: still plain until the migration rewrites it.
  if (typeof reporter.sealed !== 'string') return { openid: String(reporter.openid ?? ''), anonymous: reporter.anonymous }
  const opened = { openid: seal.open(reporter.sealed), anonymous: reporter.anonymous }
  if (typeof reporter.tag === 'string') {
    readFrom.set(opened, { seal, openid: opened.openid, stored: { tag: reporter.tag, sealed: reporter.sealed, anonymous: reporter.anonymous } })
  }
  return opened
}

/** The tag of a stored case's reporter, sealed or not (migrations and adapters' lookup columns). */
export function reporterTagOf(seal: IdentitySeal, stored: Json): string {
  const reporter = stored.reporter as Partial<StoredReporter> & { openid?: string }
  return typeof reporter.tag === 'string' ? reporter.tag : seal.person(String(reporter.openid ?? ''))
}

export function sealCase(seal: IdentitySeal, state: CaseState): Json {
  return { ...state, reporter: sealReporter(seal, state.reporter) }
}

export function openCase(seal: IdentitySeal, stored: Json): CaseState {
  return { ...(ratingStateAsToday(stored) as unknown as CaseState), reporter: openReporter(seal, stored.reporter) }
}

/**
 * An event as stored: the submission's reporter sealed, and so is `by` when the reporter acted
 * (submitted, rated, withdrew) or any resident acting as herself (a follower's 我也遇到). Those who act
 * for an org (conveners, cadres) stay named: the audit trail and the timeline's history are about them
 * acting in office.
 */
export function sealEvent(seal: IdentitySeal, event: CaseEvent, reporterOpenid: string): Json {
  const out: Json = { ...event }
  if (event.type === 'CaseSubmitted') out.reporter = sealReporter(seal, event.reporter)
  if (event.by && (event.by.openid === reporterOpenid || event.by.role === 'resident')) out.by = { role: event.by.role, sealed: seal.seal(event.by.openid) }
  return out
}

export function openEvent(seal: IdentitySeal, stored: Json): CaseEvent {
  const out: Json = ratingEventAsToday(stored)
  if (stored.type === 'CaseSubmitted') out.reporter = openReporter(seal, stored.reporter)
  const by = stored.by as { openid?: string; sealed?: string; role: string } | undefined
  if (by && typeof by.sealed === 'string') out.by = { openid: seal.open(by.sealed), role: by.role }
  return out as unknown as CaseEvent
}

/** What names the recipient of a message, sealed together: her openid and the dedupe key. */
interface SealedRecipient {
  openid: string
  dedupeKey: string
}

/**
 * A message as stored: `recipientTag` (her message centre), `sealed` (openid and dedupe key, for
 * delivery and for reading the record back); no plain openid anywhere. Adapters keep the dedupe
 * guard as `messageKey(dedupeKey)`.
 */
export function sealMessage(seal: IdentitySeal, message: MessageRecord): Json {
  const { openid, dedupeKey, ...rest } = message
  return {
    ...rest,
    recipientTag: seal.person(openid),
    sealed: seal.seal(JSON.stringify({ openid, dedupeKey } satisfies SealedRecipient)),
  }
}

export function openMessage(seal: IdentitySeal, stored: Json): MessageRecord {
  if (typeof stored.sealed !== 'string') return stored as unknown as MessageRecord
  const { sealed, recipientTag: _tag, ...rest } = stored
  const recipient = JSON.parse(seal.open(sealed)) as SealedRecipient
  return { ...(rest as unknown as Omit<MessageRecord, 'openid' | 'dedupeKey'>), openid: recipient.openid, dedupeKey: recipient.dedupeKey }
}
