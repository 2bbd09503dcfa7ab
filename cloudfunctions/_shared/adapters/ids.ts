/**
 * Time-ordered random ids, for production and the local host (tests count theirs:
 * tests/support/counting-ids.ts). 32 hex digits after the prefix, as before: 12 of milliseconds since
 * the epoch, then 20 random (80 bits from the CSPRNG, more than a UUID's 74, so still unguessable).
 * Leading with the time makes new rows append to the SQLite keys that hold ids instead of landing on
 * leaves all over the file (docs/benchmarks.md, sweep_rate); ids only sort roughly by creation, within
 * a millisecond their order is random and nothing may rely on it.
 */
import { pooledRandomBytes } from './random-pool'
import type { Ids } from '../ports/ids.port'

/** 2^48 ms: the year 10889, so the time part is always exactly 12 hex digits. */
const TIME_DIGITS = 12

export function timeOrderedId(prefix: string, nowMs: number = Date.now()): string {
  const time = Math.floor(nowMs).toString(16).padStart(TIME_DIGITS, '0').slice(-TIME_DIGITS)
  return `${prefix}_${time}${pooledRandomBytes(10).toString('hex')}`
}

export const randomIds: Ids = { next: (prefix) => timeOrderedId(prefix) }
