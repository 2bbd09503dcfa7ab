/** Counting ids, for tests that compare whole records: `case_000001`, `case_000002`, … per prefix. */
import type { Ids } from '../../cloudfunctions/_shared/ports/ids.port'

export function countingIds(): Ids {
  const counters = new Map<string, number>()
  return {
    next: (prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1
      counters.set(prefix, n)
      return `${prefix}_${String(n).padStart(6, '0')}`
    },
  }
}
