/** The local host's clock: real time plus an offset that survives restarts (kept in the store). */
import { AdjustableClock } from '../_shared/adapters/clock'
import type { Store } from '../_shared/ports/store.port'

const OFFSET_KEY = 'clock.offsetMs'

export async function loadLocalClock(store: Store, base?: () => number): Promise<AdjustableClock> {
  const saved = Number((await store.meta.get(OFFSET_KEY)) ?? 0)
  return new AdjustableClock(Number.isFinite(saved) ? saved : 0, base)
}

export async function advanceLocalClock(store: Store, clock: AdjustableClock, hours: number): Promise<void> {
  clock.advanceHours(hours)
  await store.meta.set(OFFSET_KEY, String(clock.offset))
}
