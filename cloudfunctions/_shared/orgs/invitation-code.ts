/**
 * Invitation codes: 8 characters from an alphabet without look-alikes, read out over the phone or
 * typed by an elderly member. Derived from a fresh id (random in production), so the Ids port keeps
 * tests predictable; 31^8 ≈ 8.5·10^11 codes make guessing one hopeless.
 */
import { createHash } from 'node:crypto'

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export function invitationCode(seed: string): string {
  const digest = createHash('sha256').update(seed).digest()
  let code = ''
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! % ALPHABET.length]
  return code
}
