/**
 * Protects personal data at rest. `encrypt` is for what the system must read back (a phone, an
 * address, the openid a message is delivered to); authenticated: a tampered value does not decrypt.
 * `tag` is for what it must only find again (a reporter's cases, a person's inbox and credits): a keyed
 * hash, equal for equal values and purposes, which nobody without the key can compute or reverse.
 */
export interface Cipher {
  encrypt(plain: string): string
  decrypt(cipher: string): string
  /** HMAC-SHA256 of `value` under a key derived from the cipher's key; `purpose` separates uses. */
  tag(purpose: string, value: string): string
}
