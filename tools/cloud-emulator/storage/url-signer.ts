/**
 * The emulator's signatures: the upload authorization getUploadMetadata hands out (checked by the
 * COS-like PUT) and the `sign`/`t` query of temp URLs (checked by the GET). HMAC-SHA256 under a secret
 * kept in the data directory, so URLs issued before a restart still verify after it. Expiry is by the
 * emulated clock. These are not COS's or CloudBase's algorithms, only their roles.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export function loadSecret(file: string): Buffer {
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim()
    if (/^[0-9a-f]{64}$/.test(text)) return Buffer.from(text, 'hex')
  }
  const secret = randomBytes(32)
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 })
  return secret
}

export class UrlSigner {
  constructor(private readonly secret: Buffer) {}

  sign(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\n')).digest('hex')
  }

  verify(signature: unknown, ...parts: string[]): boolean {
    if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return false
    return timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(this.sign(...parts), 'hex'))
  }
}
