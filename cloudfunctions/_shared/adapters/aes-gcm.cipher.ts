/**
 * AES-256-GCM with a random 96-bit IV per value: `v1.<iv>.<tag>.<ciphertext>` in base64url. The key
 * comes from PHONE_ENCRYPTION_KEY (32 random bytes, base64); the local host falls back to a fixed dev key.
 * Tags are HMAC-SHA256 under a second key derived from it (HKDF), so a tag never reuses the AES key.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto'
import { pooledRandomBytes } from './random-pool'
import type { Cipher } from '../ports/cipher.port'

export function aesGcmCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error('PHONE_ENCRYPTION_KEY must be 32 bytes (base64)')
  const tagKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'fulian identity tag v1', 32))
  return {
    // `t1.` marks the scheme (a later key or algorithm gets another prefix); the purpose is hashed
    // with the value, so the same openid tags differently for different uses.
    tag: (purpose, value) => `t1.${createHmac('sha256', tagKey).update(`${purpose}\u0000${value}`).digest('base64url')}`,
    encrypt: (plain) => {
      const iv = pooledRandomBytes(12)
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

/** The fixed key the local host and the tests use; a production environment must never carry it. */
export const DEV_KEY: Buffer = createHash('sha256').update('fulian-local-development-key').digest()

/** 32 bytes in base64 are 43 characters and one `=`; the url-safe alphabet decodes the same (Buffer). */
const BASE64_OF_32_BYTES = /^[A-Za-z0-9+/_-]{43}=?$/

/**
 * Why a configured PHONE_ENCRYPTION_KEY is unfit for production, in Chinese (never quoting it), or the
 * key. Buffer.from(…, 'base64') skips characters it does not know, so a typo or a pasted passphrase
 * would silently become a short or predictable key: the text is checked before it is decoded.
 */
export function parseProductionKey(configured: string | undefined): { key: Buffer } | { problem: string } {
  if (!configured) return { problem: '未设置（需要 32 字节随机数的 base64，例如 openssl rand -base64 32 的输出）' }
  if (configured.trim() !== configured) return { problem: '前后有空格或换行（复制时带进来的？），请去掉' }
  if (!BASE64_OF_32_BYTES.test(configured)) {
    const decoded = Buffer.from(configured, 'base64').length
    return { problem: `不是 32 字节密钥的 base64 编码（共 ${configured.length} 个字符，解码后约 ${decoded} 字节；应为 44 个字符，以 = 结尾）` }
  }
  const key = Buffer.from(configured, 'base64')
  if (key.length !== 32) return { problem: `不是 32 字节密钥的 base64 编码（解码后 ${key.length} 字节）` }
  if (key.equals(DEV_KEY)) return { problem: '是本地开发用的固定密钥（代码里公开的），生产环境必须另行生成' }
  if (key.every((byte) => byte === key[0])) return { problem: '是同一个字节重复 32 次（例如全 0），不是随机密钥' }
  // A random key repeats itself every ≤ 16 bytes with probability < 2^-128 and is all printable
  // ASCII with about 10^-14: either means someone typed or pasted text, which an attacker can guess.
  for (let period = 2; period <= 16; period++) {
    if (key.subarray(period).equals(key.subarray(0, 32 - period))) return { problem: '由一小段内容重复组成，不是随机密钥' }
  }
  if (key.every((byte) => byte >= 0x20 && byte <= 0x7e)) return { problem: '解码后全是可打印字符，像是口令而不是随机密钥' }
  return { key }
}

/**
 * The key from the environment. The local host (allowDevKey) takes what is set as it is, or the fixed
 * development key; production takes only a key parseProductionKey accepts and throws otherwise —
 * cloud-entry.ts checks the configuration first, so a function answers "not configured" instead.
 */
export function keyFromEnvironment(allowDevKey: boolean, env: Record<string, string | undefined> = process.env): Buffer {
  const configured = env.PHONE_ENCRYPTION_KEY
  if (allowDevKey) return configured ? Buffer.from(configured, 'base64') : DEV_KEY
  const parsed = parseProductionKey(configured)
  if ('problem' in parsed) throw new Error(`PHONE_ENCRYPTION_KEY ${parsed.problem}`)
  return parsed.key
}

