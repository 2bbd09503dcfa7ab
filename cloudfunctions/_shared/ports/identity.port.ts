/**
 * Who is calling, as the platform says: WeChat's context in production, the `x-openid` header on
 * the local host. Never read from the event body.
 */
export type Caller =
  | { kind: 'user'; openid: string }
  /** A timer trigger: no person, allowed only the jobs. */
  | { kind: 'timer' }
  | { kind: 'anonymous' }
