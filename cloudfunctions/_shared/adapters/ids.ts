/** Random ids, for production and the local host (tests count theirs: tests/support/counting-ids.ts). */
import { randomUUID } from 'node:crypto'
import type { Ids } from '../ports/ids.port'

export const randomIds: Ids = { next: (prefix) => `${prefix}_${randomUUID().replace(/-/g, '')}` }
