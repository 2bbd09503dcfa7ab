/**
 * Checks user text before it is stored (production: WeChat security.msgSecCheck v2; local: a
 * keyword list). `risky` is refused; `review` is stored (a person may look later).
 */
export type ContentVerdict = 'pass' | 'review' | 'risky'

export interface ContentGuard {
  check(text: string, context: { openid: string }): Promise<ContentVerdict>
}
