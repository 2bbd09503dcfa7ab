/**
 * Random bytes from the CSPRNG, fetched 4 KB at a time: each randomBytes call crosses into OpenSSL
 * (~2.4 µs for 12 bytes, measured with bench/sweep-only.ts's run), and an escalation draws ~7 small
 * values (message and audit ids, an IV per sealed value). Every byte is handed out once; a new pool is
 * a new buffer, so a value handed out before is never overwritten.
 */
import { randomBytes } from 'node:crypto'

const POOL = 4096
let pool = randomBytes(POOL)
let used = 0

export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL) return randomBytes(size)
  if (used + size > POOL) {
    pool = randomBytes(POOL)
    used = 0
  }
  const bytes = pool.subarray(used, used + size)
  used += size
  return bytes
}
