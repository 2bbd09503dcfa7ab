/**
 * Ratings stored before the two-question rating (docs/RULES.md "Rating") were one word: satisfied,
 * partly (shown as 基本满意) or unsatisfied. Both stores read them in today's shape, wherever a case,
 * an event or an org's counters are read, so a store of any age answers alike and nothing has to be
 * rewritten at rest (nor can a function of the previous release, still writing during a deploy, leave
 * an unreadable rating behind).
 *
 * The old form asked nothing about solving, so `solved` is inferred from what her answer did: a
 * satisfied rating closed the case as done (yes); partly and unsatisfied sent it on (partly, no).
 */
import type { Satisfaction, Solved } from '../../../types/enums'

type Json = Record<string, unknown>
type LegacyRating = 'satisfied' | 'partly' | 'unsatisfied'

const AS_TODAY: Record<LegacyRating, { solved: Solved; satisfaction: Satisfaction }> = {
  satisfied: { solved: 'yes', satisfaction: 'satisfied' },
  partly: { solved: 'partly', satisfaction: 'basic' },
  unsatisfied: { solved: 'no', satisfaction: 'unsatisfied' },
}

const isLegacy = (value: unknown): value is LegacyRating => typeof value === 'string' && value in AS_TODAY

/** `{ rating, ...rest }` → `{ solved, satisfaction, ...rest }`; anything else as it is. */
function answersOf(record: Json): Json {
  if (!isLegacy(record.rating)) return record
  const { rating, ...rest } = record
  return { ...rest, ...AS_TODAY[rating] }
}

/** A stored case event: CaseRated and CaseReopened carried the one word. */
export function ratingEventAsToday(event: Json): Json {
  if (event.type === 'CaseRated') return answersOf(event)
  if (event.type === 'CaseReopened' && isLegacy(event.rating)) {
    const { rating, ...rest } = event
    return { ...rest, solved: AS_TODAY[rating].solved }
  }
  return event
}

/** A stored case state: its current round's `rating` record. */
export function ratingStateAsToday(state: Json): Json {
  const rating = state.rating as Json | undefined
  return rating && isLegacy(rating.rating) ? { ...state, rating: answersOf(rating) } : state
}

/** An org's stored counters: `rated:<word>` counted into the two answers' counters. */
export function ratingCountersAsToday(counters: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [key, value] of Object.entries(counters)) {
    const word = key.startsWith('rated:') ? key.slice('rated:'.length) : null
    if (word === null || !isLegacy(word)) {
      out[key] = (out[key] ?? 0) + value
      continue
    }
    for (const counted of [`solved:${AS_TODAY[word].solved}`, `satisfaction:${AS_TODAY[word].satisfaction}`]) {
      out[counted] = (out[counted] ?? 0) + value
    }
  }
  return out
}
