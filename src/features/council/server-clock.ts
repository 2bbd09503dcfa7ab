/**
 * The server's "now", as last seen in a reply's `asOf`. Deadlines and countdowns are counted from it,
 * not from the phone's clock (which may be wrong, and in the local demo the host's clock can be moved).
 */
import { useEffect, useState } from 'react'

let skew = 0
let known = false
const listeners = new Set<() => void>()

export function noteServerTime(asOf: string): void {
  const at = Date.parse(asOf)
  if (Number.isNaN(at)) return
  skew = at - Date.now()
  known = true
  for (const listener of listeners) listener()
}

export const serverTimeKnown = () => known

const serverNow = (): string => new Date(Date.now() + skew).toISOString()

/** The server's now, moving on by itself (a countdown on screen stays right without reloading). */
export function useServerNow(everyMs = 30_000): string {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    const tick = () => setNow(serverNow())
    tick()
    listeners.add(tick)
    const timer = setInterval(tick, everyMs)
    return () => {
      listeners.delete(tick)
      clearInterval(timer)
    }
  }, [everyMs])
  return now
}
