/**
 * Checks a report's images after it is saved (production: WeChat security.mediaCheckAsync v2; local:
 * no check). A check only starts here: WeChat downloads the image from the URL and pushes its verdict
 * later (the `wxa_media_check` message push, cloudfunctions/intake/media-verdict.push.ts), carrying the
 * trace id this answers.
 */
export interface MediaGuard {
  /**
   * Starts the check of the image at `url` (one WeChat can download) that `openid` uploaded. Answers
   * the trace id the verdict will carry, or null when this environment does not check images. Rejects
   * when the check could not be started.
   */
  startImageCheck(url: string, context: { openid: string }): Promise<string | null>
}
