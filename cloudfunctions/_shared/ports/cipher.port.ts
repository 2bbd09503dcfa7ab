/** Encrypts personal data at rest (phone numbers). Authenticated: a tampered value does not decrypt. */
export interface Cipher {
  encrypt(plain: string): string
  decrypt(cipher: string): string
}
