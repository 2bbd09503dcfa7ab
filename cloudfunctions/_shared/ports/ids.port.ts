/** New ids. A port so tests can make them predictable. */
export interface Ids {
  /** A new unique id, prefixed with what it names (`case`, `req`, …) so logs are readable. */
  next(prefix: string): string
}
