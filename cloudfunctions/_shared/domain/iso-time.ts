/**
 * Instants as ISO-8601 strings. The domain never reads a clock; it only parses and adds to the
 * instants that arrive on commands. Everything the domain computes is written with toISOString()
 * (UTC, millisecond precision, fixed width) so a store can index and compare deadlines as strings.
 */

export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

// A zone is required: an instant without one would mean different things on different machines.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))
}

export const toMs = (iso: string): number => new Date(iso).getTime()

export const addMs = (iso: string, ms: number): string => new Date(toMs(iso) + ms).toISOString()

/** True when `a` is the same instant as `b` or later, whatever zone each is written in. */
export const isAtOrAfter = (a: string, b: string): boolean => toMs(a) >= toMs(b)

export const isAfter = (a: string, b: string): boolean => toMs(a) > toMs(b)
