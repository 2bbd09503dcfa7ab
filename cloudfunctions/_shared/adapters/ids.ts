/** Random ids (production, local host) and counting ids (tests that compare whole records). */
import { randomUUID } from 'node:crypto'
import type { Ids } from '../ports/ids.port'

export const randomIds: Ids = { next: (prefix) => `${prefix}_${randomUUID().replace(/-/g, '')}` }

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
