/**
 * The Store port: every piece of state behind one interface, so the same handlers run on SQLite
 * (local, tests) and on the CloudBase database (production). One contract test suite checks that
 * every adapter keeps these promises.
 */
import type { CaseStatus, Category, Level, Role } from '../../../types/enums'
import type { MessageKind } from '../../../types/messages'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import type { DeliberationStatus } from '../../../types/deliberation.contract'
import type { Ballot, DeliberationComment, DeliberationState } from '../domain/deliberation.state'
import type { PhotoVerdict } from '../domain/photo-check.policy'
import type { AlertRefresh, HotspotAlert, PeriodDelta } from '../domain/hotspot.rule'
import type { CaseFacet } from '../domain/stats.drill'
import type { AnnouncementKind, SurveyAnswer, SurveyAudience } from '../../../types/outreach.contract'
import type { SurveyQuestion } from '../domain/survey.rules'

export interface OrgRecord {
  id: string
  name: string
  level: Level
  parentId: string | null
}

export interface UserRecord {
  openid: string
  name: string | null
  /** The village or community she lives in, when known: the picker's default. */
  homeOrgId: string | null
  /**
   * The number she chose to show her council's residents (a convener's, on 首页's 可以找谁), or null.
   * Public by her choice, so stored plain; a reporter's own phone is a case's contact, encrypted.
   */
  publicPhone: string | null
}

export interface MembershipRecord {
  openid: string
  role: Role
  orgId: string
}

export interface OrgRepository {
  get(id: string): Promise<OrgRecord | null>
  /**
   * These orgs (those that exist, in no particular order): a bounded number of reads however many
   * ids, where `get` would be one each (names for a case's chain, a list, an export).
   */
  many(ids: readonly string[]): Promise<OrgRecord[]>
  /**
   * The org first, then its parent, up to the root; [] when it does not exist. As a walk up by
   * parentId would answer it, after any put (a village moved, an org added), in fewer reads.
   */
  path(id: string): Promise<OrgRecord[]>
  /** Children of `parentId`; the roots (provinces) when null. Sorted by id. */
  children(parentId: string | null): Promise<OrgRecord[]>
  /** `path(id)` and `children(id)` together, in fewer reads than both (a dashboard asks for both). */
  family(id: string): Promise<{ path: OrgRecord[]; children: OrgRecord[] }>
  /** Which of these ids have at least one child. */
  withChildren(ids: string[]): Promise<Set<string>>
  /** Every org in the tree, sorted by id. The tree is small (≈10^5 nodes for a province). */
  all(): Promise<OrgRecord[]>
  put(org: OrgRecord): Promise<void>
}

export interface PeopleRepository {
  getUser(openid: string): Promise<UserRecord | null>
  putUser(user: UserRecord): Promise<void>
  rolesOf(openid: string): Promise<MembershipRecord[]>
  /** Members holding `role` at `orgId` (e.g. every council member of a village). */
  withRole(orgId: string, role: Role): Promise<MembershipRecord[]>
  /** withRole for each of `roles`, one after another in their order, in one read. */
  withRoles(orgId: string, roles: readonly Role[]): Promise<MembershipRecord[]>
  /** Answers whether the binding is new (onboarding counts members by it, exactly once). */
  bind(membership: MembershipRecord): Promise<boolean>
  /** Answers whether there was such a binding. */
  unbind(membership: MembershipRecord): Promise<boolean>
}

/** A case or a deliberation as stored: its current state and a version for optimistic writes. */
export interface Stored<S> {
  state: S
  version: number
}

/** Thrown by `cases.update` when someone else wrote the case since it was read. */
export class VersionConflict extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} was changed concurrently`)
    this.name = 'VersionConflict'
  }
}

/** Where a sweep stopped: the next page starts strictly after this (dueAt, id). */
export interface DueCursor {
  dueAt: string
  id: string
}

/** Where a subtree listing stopped: the next page starts strictly after this (submittedAt, id). */
export interface SubtreeCursor {
  submittedAt: string
  id: string
}

/** Submission instants (toISOString form): `from` inclusive, `to` exclusive; either may be open. */
export interface SubmittedRange {
  from?: string
  to?: string
}

export interface CaseRepository {
  get(id: string): Promise<Stored<CaseState> | null>
  /** Every event of the case, oldest first. */
  timeline(id: string): Promise<CaseEvent[]>
  /**
   * Stores a new case (version 1) with its first events. With a `clientRequestId`, a second create for
   * the same (reporter, clientRequestId) stores nothing and answers the existing case's id.
   */
  create(state: CaseState, events: CaseEvent[], clientRequestId?: string): Promise<{ created: boolean; id: string }>
  /**
   * The case a (reporter, clientRequestId) already created, if any: a resend finds its case. Here and
   * in reportedBy, forRecipient and credits the adapter looks a person up by her tag: it stores no
   * reporter's or recipient's openid in plain text (adapters/sealed-identity.ts).
   */
  byRequest(reporterOpenid: string, clientRequestId: string): Promise<string | null>
  /** Writes the new state and appends `events` if the stored version is `expectedVersion`. */
  update(state: CaseState, expectedVersion: number, events: CaseEvent[]): Promise<void>
  /**
   * Cases a timer must act on at `now` (their next due instant has come), earliest first, after the
   * cursor. The adapter keeps the due instant from domain/case.timers `nextDue` on every write.
   */
  due(now: string, limit: number, after?: DueCursor): Promise<DueCursor[]>
  /** Cases held by these orgs, optionally only in these statuses; newest change first. */
  heldBy(orgIds: string[], statuses: CaseStatus[] | undefined, limit: number): Promise<CaseState[]>
  /** The cases a person reported, newest first. */
  reportedBy(openid: string, limit: number): Promise<CaseState[]>
  /**
   * Cases whose chain passes through `orgId` (submitted anywhere in its subtree; every case held in
   * the subtree is one of them), by (submittedAt, id), after the cursor, within the range. The
   * adapter indexes a case under its five chain org ids when it is created, and again when a 转办
   * (CaseTransferred) moves its chain: it is found under the orgs of its chain now, no others.
   */
  inSubtree(orgId: string, limit: number, after?: SubtreeCursor, range?: SubmittedRange): Promise<CaseState[]>
  /**
   * The subtree's cases behind one figure (domain/stats.drill.ts facetHolds; null: all of them),
   * newest submission first, by (submittedAt, id) descending, strictly before the cursor, within the
   * range: one range of one index per page (the adapter keeps adapters/case.index.ts drillIndexOf
   * with every write), never a scan of the subtree.
   */
  newestInSubtree(orgId: string, facet: CaseFacet | null, limit: number, before?: SubtreeCursor, range?: SubmittedRange): Promise<CaseState[]>
}

/**
 * pending → sending (claimed, credit taken, lease until nextAttemptAt) → sent | inbox_only | failed.
 * inbox_only: kept for the message centre only (no template, no credit, or WeChat refused).
 */
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'inbox_only' | 'failed'

/**
 * One message to one person: a row of the outbox (delivery as a subscription message) and an entry in
 * her message centre, whatever happens to the delivery.
 */
export interface MessageRecord {
  id: string
  /** (event, recipient, kind): the same message is never stored, nor sent, twice. */
  dedupeKey: string
  openid: string
  kind: MessageKind
  title: string
  body: string
  /** The mini-program page the message opens. */
  page: string
  caseId?: string
  deliberationId?: string
  /** What it is about, as 消息 groups it: a case's number and title, or a deliberation's share title. */
  subject?: string
  /** Values for the subscription template's fields, by slot (subject, status, org, time, …). */
  slots?: Record<string, string>
  createdAt: string
  status: MessageStatus
  attempts: number
  /** When delivery may be tried (again). */
  nextAttemptAt: string
  sentAt?: string
  readAt?: string
  /** Why the last delivery failed, for the message centre and the logs. */
  lastError?: string
}

/** What a delivery step changes of a message (MessageRepository.updateIf). */
export type DeliveryChange = Partial<Pick<MessageRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError'>>

export interface MessageRepository {
  /**
   * Stores new messages; one whose dedupeKey exists is skipped. Answers how many were stored.
   * `freshKeys`: the caller vouches that no committed message has any of these keys, because each
   * names a version of an aggregate that the same transaction writes, which only one transaction can
   * commit (a case's rows: case-outbox-rows.ts). In a transaction the store may then skip looking
   * them up; a key already stored in the same transaction is still skipped.
   */
  add(messages: MessageRecord[], options?: { freshKeys?: boolean }): Promise<number>
  get(id: string): Promise<MessageRecord | null>
  /**
   * Messages the delivery job must look at now: pending ones whose nextAttemptAt has come, and sending
   * ones whose lease (nextAttemptAt) ran out because a run died mid-send. Oldest first.
   */
  duePending(now: string, limit: number): Promise<MessageRecord[]>
  /** Replaces a message's delivery fields (status, attempts, nextAttemptAt, sentAt, readAt, lastError). */
  put(message: MessageRecord): Promise<void>
  /**
   * Delivery's compare-and-set: applies `change` (a field given as undefined is removed; readAt and
   * every other field stay) only if the message's status and nextAttemptAt are still `expected`'s, in
   * one atomic step with no transaction; answers whether it did. Outside a transaction only. Every
   * change of status moves nextAttemptAt on or ends the message, so a pair seen once never comes back:
   * two deliveries with the same expectation change it once.
   */
  updateIf(id: string, expected: Pick<MessageRecord, 'status' | 'nextAttemptAt'>, change: DeliveryChange): Promise<boolean>
  /**
   * Sets readAt (the message centre's read mark) and nothing else: a delivery that moved the message
   * since it was read for the centre stays as it moved. One that does not exist is not created.
   */
  markRead(id: string, at: string): Promise<void>
  /** A person's message centre, newest first. */
  forRecipient(openid: string, limit: number): Promise<MessageRecord[]>
  /** Every message, oldest first (the local host's /__dev/outbox). */
  all(limit: number): Promise<MessageRecord[]>
}

/**
 * How to reach the reporter, kept apart from the case so it can be purged when the case has been
 * closed long enough (retention) without touching the case or its timeline. Phone, name and address
 * are ciphertext (Cipher.encrypt).
 */
export interface ContactRecord {
  caseId: string
  phoneCipher?: string
  /** The resident a council member filed for (on-behalf reports): her name and phone. */
  residentNameCipher?: string
  residentPhoneCipher?: string
  addressCipher?: string
  /**
   * Plain text: only in records written before addresses were encrypted (SQLite migration 10 and the
   * CloudBase script seal-identities rewrite them). Nothing writes it any more.
   */
  address?: string
  createdAt: string
}

export interface ContactRepository {
  put(contact: ContactRecord): Promise<void>
  get(caseId: string): Promise<ContactRecord | null>
  remove(caseId: string): Promise<void>
  /** Sets when the contact may be deleted (its case ended); nothing when the case left no contact. */
  schedulePurge(caseId: string, purgeAfter: string): Promise<void>
  /** Case ids whose contact may be deleted at `now`, oldest first. */
  duePurge(now: string, limit: number): Promise<string[]>
}

/**
 * Who did what, when, from which org: one line per state change, readable by the cadres of the org
 * and every org above it. `orgPath` runs province first down to the org where it happened.
 */
export interface AuditEntry {
  id: string
  at: string
  /** Null for the system (timers) and for an anonymous reporter: the log never identifies her. */
  actorOpenid: string | null
  actorRole: string
  /** What happened, as a stable code (e.g. `case.CaseAccepted`, `account.invite`). */
  action: string
  orgId: string
  orgPath: string[]
  targetType: 'case' | 'deliberation' | 'role' | 'org' | 'answer' | 'announcement' | 'survey'
  targetId: string
  /** A short Chinese line; names of orgs and people are resolved when read. */
  summary: string
}

export interface AuditRepository {
  add(entries: AuditEntry[]): Promise<void>
  /** Entries that happened at `orgId` or below it, newest first, before the cursor. */
  inSubtree(orgPath: string[], limit: number, before?: { at: string; id: string }): Promise<AuditEntry[]>
}

/**
 * Subscription-message credits: each "allow" tap grants one message per template, each send spends
 * one. Kept per (openid, templateId).
 */
export interface CreditRepository {
  balance(openid: string): Promise<Record<string, number>>
  grant(openid: string, templateId: string, count: number): Promise<void>
  /** Spends one credit if there is one; answers whether it did. */
  take(openid: string, templateId: string): Promise<boolean>
  /** WeChat said there is none left (43101): believe it. */
  clear(openid: string, templateId: string): Promise<void>
}

/** Small named values the system keeps about itself (the local clock's offset, seed markers). */
export interface MetaRepository {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
}

/**
 * Statistics counters per org (domain/stats.counters.ts): each org's counters cover its whole subtree,
 * so reading an org's figures is one read however many cases are below it.
 *
 * Beside them, counters per org and period (a China-time month "2026-11" or day "2026-11-30"): the
 * monthly scorecard's (stats.counters.ts "Monthly counters") and the early warning's daily counts of
 * reports (hotspot.rule.ts). A period's set is kept apart from the org's all-time counters.
 */
export interface CounterRepository {
  /** Adds each delta to each org's counter (missing counters start at 0), in the caller's transaction. */
  add(orgIds: readonly string[], deltas: Readonly<Partial<Record<string, number>>>): Promise<void>
  /** Every counter of the org; {} when it has none. */
  get(orgId: string): Promise<Record<string, number>>
  /** `get` of each org, in the order asked: a handful of reads however many (an overview's children). */
  getMany(orgIds: readonly string[]): Promise<Record<string, number>[]>
  /**
   * Adds each row's deltas to its org's set of its period, in the caller's transaction; several rows
   * for one (org, period) add up.
   */
  addInPeriods(rows: readonly PeriodDelta[]): Promise<void>
  /**
   * The sets of these (org, period) pairs, in the order asked ({} for one never counted): a handful of
   * reads however many are asked (the early warning asks ~160 at once).
   */
  inPeriods(refs: readonly { orgId: string; period: string }[]): Promise<Record<string, number>[]>
}

/**
 * Early-warning alerts (domain/hotspot.rule.ts): one document per slot (rule, org, category), replaced
 * when a lapsed alert's slot raises a new one.
 */
export interface HotspotRepository {
  get(slot: string): Promise<HotspotAlert | null>
  /** Creates or replaces the slot's alert. */
  put(alert: HotspotAlert): Promise<void>
  /**
   * Merges a later report's figures into the slot's alert (hotspot.rule.ts refreshedAlert), nothing
   * when the slot has none. Outside any transaction; two at once both count, neither waits on the other
   * (CloudBase: one update of server-side operators, so the reports of a busy township do not queue
   * behind one document).
   */
  refresh(slot: string, refresh: AlertRefresh, maxCaseIds: number): Promise<void>
  /**
   * Alerts still live at `now` (liveUntil after it) at the org whose path (root first) is `orgPath`
   * and below it, the newest raised first.
   */
  liveIn(orgPath: readonly string[], now: string, limit: number): Promise<HotspotAlert[]>
}

/**
 * Deliberations (议事). Each ballot changes the deliberation's counts in the same transaction as the
 * ballot's own write, with the version check below: counts are never rebuilt from the ballots.
 */
export interface DeliberationRepository {
  get(id: string): Promise<Stored<DeliberationState> | null>
  /** Stores a new deliberation at version 1; answers false (and writes nothing) when the id exists. */
  create(state: DeliberationState): Promise<boolean>
  /** Writes the new state if the stored version is `expectedVersion`; otherwise VersionConflict. */
  update(state: DeliberationState, expectedVersion: number): Promise<void>
  /** The deliberations of these orgs, optionally in one status; newest opened first. */
  ofOrgs(orgIds: string[], status: DeliberationStatus | undefined, limit: number): Promise<DeliberationState[]>
  /**
   * Open deliberations a timer must act on at `now` (their next due instant, domain/deliberation.timers
   * nextDeliberationDue — the owed reminder, else the deadline — has come), by (dueAt, id), after the
   * cursor. The adapter keeps the instant on every write; a closed one has none.
   */
  due(now: string, limit: number, after?: DueCursor): Promise<DueCursor[]>
}

/** Ballots: one per (deliberation, voter), replaced when she changes it. */
export interface BallotRepository {
  get(deliberationId: string, voterOpenid: string): Promise<Ballot | null>
  /** Creates or replaces the voter's ballot. */
  put(ballot: Ballot): Promise<void>
  /** Every ballot of a deliberation, by voter openid (the roll and the audit). */
  of(deliberationId: string): Promise<Ballot[]>
}

/** A deliberation's discussion thread. */
export interface CommentRepository {
  add(comment: DeliberationComment): Promise<void>
  /** The newest `limit` comments of a deliberation, returned oldest first. */
  latest(deliberationId: string, limit: number): Promise<DeliberationComment[]>
}

/** A council's WeChat group chat: one openGId belongs to one council; a council may have several. */
export interface CouncilGroupRecord {
  openGId: string
  orgId: string
  boundBy: string
  boundAt: string
}

export interface CouncilGroupRepository {
  get(openGId: string): Promise<CouncilGroupRecord | null>
  /** Binds (or rebinds) the group. */
  put(group: CouncilGroupRecord): Promise<void>
  /** The groups bound to a council. */
  ofOrg(orgId: string): Promise<CouncilGroupRecord[]>
}

/**
 * An invitation to take a role at an org: a short code shown or shared by a cadre or convener,
 * redeemed once by the person it was meant for, before it expires.
 */
export interface InvitationRecord {
  code: string
  role: Role
  orgId: string
  createdBy: string
  createdAt: string
  expiresAt: string
  usedBy?: string
  usedAt?: string
}

export interface InvitationRepository {
  put(invitation: InvitationRecord): Promise<void>
  get(code: string): Promise<InvitationRecord | null>
  /** Marks it used by `openid` if nobody has used it yet; answers whether this call did. */
  use(code: string, openid: string, at: string): Promise<boolean>
}

/**
 * One started content check of a case photo (ports/media-guard.port.ts): what its trace id stands for
 * when WeChat pushes the verdict, and the verdict once it came. No openid: the case names its reporter.
 */
export interface MediaCheckRecord {
  traceId: string
  caseId: string
  /** The photo's stored file id, as the case lists it. */
  photo: string
  startedAt: string
  verdict?: PhotoVerdict
  /** WeChat's label for the verdict (100 normal, 20002 porn, …), for a person reviewing it; never shown to users. */
  label?: string
  settledAt?: string
}

export interface MediaCheckRepository {
  /** Remembers a started check (a trace id is WeChat's and unique). */
  put(check: MediaCheckRecord): Promise<void>
  get(traceId: string): Promise<MediaCheckRecord | null>
  /**
   * Records the verdict of a check that has none yet; answers whether this call did (false for an
   * unknown trace id and for a verdict already recorded: the same push twice records it once).
   */
  settle(traceId: string, verdict: { verdict: PhotoVerdict; label?: string; at: string }): Promise<boolean>
  /** The checks started for a case's photos, by trace id. */
  ofCase(caseId: string): Promise<MediaCheckRecord[]>
}

/**
 * The write limit's counts (adapters/write-limiter.ts): writes per key per fixed window, kept in the
 * store so every instance over it (each warm cloud instance, each local host on one data folder)
 * counts against one limit. A key is a keyed tag of the person and function, never the openid. Counts
 * are never part of a transaction: a write counts whether or not it then succeeds.
 */
export interface WriteCountRepository {
  /**
   * Takes one of the `max` writes of `key` in the window that starts at `windowStart` (an ISO
   * instant) and answers whether one was left. However many take at once, from however many
   * instances, at most `max` of them get one.
   */
  take(key: string, windowStart: string, max: number): Promise<boolean>
  /**
   * Forgets every window that started before `windowStart`; answers how many counts it dropped. Only
   * housekeeping: a window is never read again once it is over, so nothing waits for this.
   */
  forgetBefore(windowStart: string): Promise<number>
}

/**
 * A standard answer (知识库): text a city or the province keeps per category for those who resolve
 * cases to start from (domain/knowledge.rules.ts). Openids are of staff acting in office: plain.
 */
export interface AnswerRecord {
  id: string
  /** The org that keeps it: a city or the province. An answer never moves. */
  orgId: string
  category: Category
  title: string
  body: string
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  /** Retired: kept for the record, no longer offered. */
  retired: boolean
  retiredAt?: string
}

export interface AnswerRepository {
  get(id: string): Promise<AnswerRecord | null>
  /** Creates or replaces the answer. */
  put(answer: AnswerRecord): Promise<void>
  /**
   * The org's answers, the latest updated first (ties by id, descending), at most `limit`; retired
   * ones only with `includeRetired`. An org keeps tens, so this is one small read.
   */
  ofOrg(orgId: string, options: { includeRetired: boolean; limit: number }): Promise<AnswerRecord[]>
}

/**
 * An announcement (公告) an org publishes to the residents of its subtree (domain/outreach.rules.ts).
 * Openids are of staff acting in office: plain.
 */
export interface AnnouncementRecord {
  id: string
  /** The org that published it; it never moves. */
  orgId: string
  kind: AnnouncementKind
  title: string
  body: string
  pinned: boolean
  publishedBy: string
  publishedAt: string
  /** Taken down: kept for the record, no longer shown. */
  retired: boolean
  retiredBy?: string
  retiredAt?: string
}

export interface AnnouncementRepository {
  get(id: string): Promise<AnnouncementRecord | null>
  /** Creates or replaces it. */
  put(announcement: AnnouncementRecord): Promise<void>
  /**
   * The org's live announcements: pinned first, then the newest published first (ties by id,
   * descending), at most `limit`. One range of one index: the feed reads one per org of her line.
   */
  liveOfOrg(orgId: string, limit: number): Promise<AnnouncementRecord[]>
}

/**
 * When a person last opened her announcements (the unread mark: what was published after it). Kept
 * under her tag (sealed-identity.ts), never her openid: one small record per person, looked up only.
 */
export interface FeedMarkRepository {
  seenAt(openid: string): Promise<string | null>
  /** Moves her mark to `at`; never back (two devices, a late request). */
  markSeen(openid: string, at: string): Promise<void>
}

/**
 * A survey (调研) an org asks the residents or council members of its subtree (domain/survey.rules.ts).
 * Openids are of staff acting in office: plain.
 */
export interface SurveyRecord {
  id: string
  /** The org that asks; it never moves. */
  orgId: string
  title: string
  questions: SurveyQuestion[]
  audience: SurveyAudience
  openedBy: string
  openedAt: string
  closesAt: string
  /** Closed early (outreach.closeSurvey); past closesAt it is closed without this. */
  closedAt?: string
  closedBy?: string
}

export interface SurveyRepository {
  get(id: string): Promise<SurveyRecord | null>
  /** Creates or replaces it. */
  put(survey: SurveyRecord): Promise<void>
  /** The org's surveys, the newest opened first (ties by id, descending), at most `limit`: one range of one index. */
  ofOrg(orgId: string, limit: number): Promise<SurveyRecord[]>
}

/**
 * One person's answer to a survey. The adapter keeps it under her tag (sealed-identity.ts), never her
 * openid, and never answers who wrote it: `answerId` is the answer's own id (a page cursor of free
 * answers), not hers.
 */
export interface SurveyAnswerRecord {
  surveyId: string
  answerId: string
  /** The orgs it is counted under: her village up to the survey's org, fixed when she first answered. */
  chain: string[]
  answers: SurveyAnswer[]
  answeredAt: string
  changedAt: string
  /** Some free question has her words: the free answers' page reads only these. */
  hasFree: boolean
}

/** Where a page of free answers stopped: the next starts strictly before it (changedAt, answerId). */
export type FreeCursor = string

export interface SurveyAnswerRepository {
  get(surveyId: string, openid: string): Promise<SurveyAnswerRecord | null>
  /** Creates or replaces her answer. */
  put(openid: string, answer: SurveyAnswerRecord): Promise<void>
  /** Which of these surveys she has answered: one read however many. */
  answeredOf(openid: string, surveyIds: readonly string[]): Promise<Set<string>>
  /**
   * The answers with free words, the latest changed first, strictly before the cursor, at most
   * `limit`, each with the cursor that follows it: one range of one index, never a scan.
   */
  withFreeWords(surveyId: string, limit: number, before?: FreeCursor): Promise<{ answer: SurveyAnswerRecord; cursor: FreeCursor }[]>
}

/**
 * A survey's counters per org (domain/survey.rules.ts): kept with every answer, in its transaction, at
 * each org of the answer's chain. `spread` is a key the adapter may spread one org's writes by (a
 * store whose unit of contention is a document keeps several shards of it, summed when read:
 * docs/RULES.md "Surveys"); the same key lands in the same place.
 */
export interface SurveyCounterRepository {
  add(surveyId: string, orgIds: readonly string[], deltas: Readonly<Record<string, number>>, spread: string): Promise<void>
  /** The counters of these orgs, in the order asked ({} for one with none): a bounded number of reads. */
  of(surveyId: string, orgIds: readonly string[]): Promise<Record<string, number>[]>
}

/**
 * Who follows a case besides its reporter (我也遇到, and those a 合并办理 brought): one record per
 * (case, person). Kept under her tag with her openid sealed, as a reporter is (sealed-identity.ts):
 * the store names nobody, and nothing shows who follows to those who handle the case (they read the
 * case's count). Her progress messages are addressed from the sealed copy.
 */
export interface SupporterRepository {
  /** She follows the case from `at`; answers false (and writes nothing) when she already does. */
  add(caseId: string, openid: string, at: string): Promise<boolean>
  has(caseId: string, openid: string): Promise<boolean>
  /** Whom the case's progress messages reach besides its reporter: the openids, earliest follow first. */
  ofCase(caseId: string, limit: number): Promise<string[]>
  /** The cases she follows, the latest follow first (我的反映's 我也反映). */
  followedBy(openid: string, limit: number): Promise<{ caseId: string; at: string }[]>
}

export interface Repositories {
  orgs: OrgRepository
  people: PeopleRepository
  cases: CaseRepository
  messages: MessageRepository
  contacts: ContactRepository
  credits: CreditRepository
  meta: MetaRepository
  counters: CounterRepository
  deliberations: DeliberationRepository
  ballots: BallotRepository
  comments: CommentRepository
  councilGroups: CouncilGroupRepository
  invitations: InvitationRepository
  audit: AuditRepository
  mediaChecks: MediaCheckRepository
  hotspots: HotspotRepository
  answers: AnswerRepository
  announcements: AnnouncementRepository
  feedMarks: FeedMarkRepository
  surveys: SurveyRepository
  surveyAnswers: SurveyAnswerRepository
  surveyCounters: SurveyCounterRepository
  supporters: SupporterRepository
}

export interface Store extends Repositories {
  /** The write limit's counts: outside any transaction (not on `tx`). */
  writeCounts: WriteCountRepository
  /**
   * Runs `fn` with repositories whose writes commit together or not at all. `fn` may run again when
   * the store detects a conflicting concurrent write, so it must not have effects outside `tx`.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>
  /**
   * Optional: runs `fn`, whose transactions (one after another) then commit together — on SQLite one
   * COMMIT for a page of the sweep instead of one per case; each transaction is still all or nothing
   * (a savepoint), and one that fails takes nothing else with it. Nothing is committed until `fn`
   * returns: a crash loses the whole batch, so only repeat-safe work (timer jobs) may batch. A store
   * without it (CloudBase) commits each transaction alone.
   */
  batch?<T>(fn: () => Promise<T>): Promise<T>
  /**
   * Optional: a store that writes each change's counters as a delta beside them (CloudBase:
   * counters.cloudbase.ts) folds the oldest into the counters until none is left or `deadline` (ms),
   * answering how many. Reads count unfolded deltas, so this only keeps them few; the notify timer runs it.
   */
  foldCounters?(deadline: number): Promise<number>
  close(): Promise<void>
}
