/**
 * AES-256-GCM with a random 96-bit IV per value: `v1.<iv>.<tag>.<ciphertext>` in base64url. The key
 * comes from PHONE_ENCRYPTION_KEY (32 bytes, base64); the local host falls back to a fixed dev key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { Cipher } from '../ports/cipher.port'

export function aesGcmCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error('PHONE_ENCRYPTION_KEY must be 32 bytes (base64)')
  return {
    encrypt: (plain) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
    },
    decrypt: (value) => {
      const [version, iv, tag, body] = value.split('.')
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a v1 ciphertext')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}

/** The key from the environment, or (only where allowed) a fixed development key. */
export function keyFromEnvironment(allowDevKey: boolean): Buffer {
  const configured = process.env.PHONE_ENCRYPTION_KEY
  if (configured) return Buffer.from(configured, 'base64')
  if (!allowDevKey) throw new Error('PHONE_ENCRYPTION_KEY is not set')
  return createHash('sha256').update('fulian-local-development-key').digest()
}

/** 13812345678 → 138****5678: enough to recognise, not enough to call. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')
