/**
 * What a case is found and sorted by, computed from its state once for both Store adapters: SQLite
 * keeps it as columns and `case_orgs` rows (sqlite/cases.sqlite.ts), CloudBase as top-level fields
 * beside the state (cloudbase/cases.cloudbase.ts, indexed in cloudbase/indexes.json). Each adapter
 * names the fields as its storage always has; only the values come from here, so the two stores can
 * never disagree on which cases a query finds.
 */
import { LEVELS, type CaseStatus, type Category, type Level } from '../../../types/enums'
import type { CaseState } from '../domain/case.state'
import { nextDue } from '../domain/case.timers'
import { isLateOpen } from '../domain/stats.drill'
import type { IdentitySeal } from './sealed-identity'

export interface CaseIndex {
  status: CaseStatus
  /** The org that holds the case now: its cadres' work lists. */
  holderOrgId: string
  /** The reporter's tag (sealed-identity.ts), never her openid: 我的反映 and the resend check. */
  reporterTag: string
  /**
   * The next instant a timer must act (accept or resolve deadline, auto-close), null when none ever
   * will: the sweep finds due cases by this alone, so it is rewritten on every change.
   */
  dueAt: string | null
  /** The latest event's time: lists show the newest change first. */
  updatedAt: string
  /** Every org on the chain, village to province: a subtree's cases (a 转办 may move the chain). */
  chainIds: string[]
  /** With chainIds: a subtree's cases in submission order. */
  submittedAt: string
}

/**
 * What a figure of 数据看板 picks a case by (domain/stats.drill.ts facetHolds), beside `status`:
 * with chainIds and submittedAt, a subtree's cases behind one figure, newest first (stats.cases).
 * Rewritten with every change, as status is.
 */
export interface DrillIndex {
  category: Category
  /** The level of its final resolution while it has one (resolved or closed), else null. */
  resolvedLevel: Level | null
  /** 超期未办结 (stats.drill.ts isLateOpen). */
  lateOpen: boolean
}

export const drillIndexOf = (state: CaseState): DrillIndex => ({
  category: state.category,
  resolvedLevel: state.outcome?.level ?? null,
  lateOpen: isLateOpen(state),
})

export function caseIndexOf(state: CaseState, seal: Pick<IdentitySeal, 'person'>): CaseIndex {
  return {
    status: state.status,
    holderOrgId: state.holderOrgId,
    reporterTag: seal.person(state.reporter.openid),
    dueAt: nextDue(state)?.at ?? null,
    updatedAt: state.updatedAt,
    chainIds: LEVELS.map((level) => state.chain[level]),
    submittedAt: state.submittedAt,
  }
}
