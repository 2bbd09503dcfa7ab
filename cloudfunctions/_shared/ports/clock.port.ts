/** Where "now" comes from. Handlers read it once per request and pass it into the domain. */
export interface Clock {
  /** The current instant as ISO-8601 (UTC, with milliseconds). */
  now(): string
}
