/**
 * 我也遇到 (me too) and 合并办理 (merging), docs/RULES.md "我也遇到与合并办理": which cases a woman is
 * offered while she reports, which she may follow, who follows a case after a merge. Pure: the shell
 * brings the cases and the followers it read.
 *
 * A case is followable while it is being handled (pending or in progress), named (not anonymous) and
 * of a category that is not sensitive (SENSITIVE_CATEGORIES): whoever follows it sees its title and its
 * progress, so a case that could say who reported it, or what happened to her, is never offered, and a
 * me-too on one is answered as if it did not exist. Who follows a case is never shown to those who
 * handle it: they see how many.
 */
import type { Category } from '../../../types/enums'
import type { CaseState } from './case.state'
import { isOpen } from './case.state'
import { isSensitive } from './case.access'
import { DAY_MS, toMs } from './iso-time'

/** Cases offered under 本村已有类似反映 at most: enough to recognise hers, short enough to read. */
export const SIMILAR_MAX = 10

/**
 * Followers a me-too may bring a case to: each progress message goes to every one of them in the
 * transaction of the change (case-outbox-rows.ts), so the set stays within one transaction's reach.
 * A merge may take a case past it (its followers are never dropped).
 */
export const SUPPORTERS_MAX = 200

/** Anyone may see it is there and follow it: not anonymous, not sensitive (whatever its status). */
export const isPublicCase = (state: Pick<CaseState, 'reporter' | 'category'>): boolean =>
  !state.reporter.anonymous && !isSensitive(state)

/** Offered and followable now: public, still being handled, not merged away. */
export const isFollowable = (state: Pick<CaseState, 'reporter' | 'category' | 'status' | 'mergedInto'>): boolean =>
  isPublicCase(state) && isOpen(state.status) && state.mergedInto === undefined

/** Whole days since it was filed, 0 on its first day. */
export const daysOpen = (submittedAt: string, now: string): number => Math.max(0, Math.floor((toMs(now) - toMs(submittedAt)) / DAY_MS))

/**
 * 本村已有类似反映: the followable cases of this village and category, the most followed first, then
 * the newest, at most SIMILAR_MAX. Her own are kept (the list marks them 我的), never offered to follow.
 */
export function similarCases<S extends CaseState>(cases: readonly S[], villageId: string, category: Category): S[] {
  const seen = new Set<string>()
  return cases
    .filter((c) => c.villageId === villageId && c.category === category && isFollowable(c) && !seen.has(c.id) && seen.add(c.id))
    .sort((a, b) => (b.supporters ?? 0) - (a.supporters ?? 0) || (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0))
    .slice(0, SIMILAR_MAX)
}

/**
 * Who starts following `into` when `from` is merged into it: from's reporter and followers, less
 * into's reporter (her own case) and whoever follows it already; each once, in the order given.
 */
export function newFollowers(
  from: { reporter: string; followers: readonly string[] },
  into: { reporter: string; followers: readonly string[] },
): string[] {
  const skip = new Set([into.reporter, ...into.followers])
  const out: string[] = []
  for (const openid of [from.reporter, ...from.followers]) {
    if (openid.length === 0 || skip.has(openid)) continue
    skip.add(openid)
    out.push(openid)
  }
  return out
}
