/**
 * MediaGuard on WeChat's security.mediaCheckAsync v2 (through wx-server-sdk, which snake-cases the
 * arguments and camel-cases the answer: `trace_id` → `traceId`). Scene 2 ("comment"), as for a
 * report's text (msg-sec-check.guard.ts). WeChat answers at once and pushes the verdict later
 * (`wxa_media_check`, cloudfunctions/intake/media-verdict.push.ts); a refusal (45009 over 2000 calls a
 * minute, -604101 without the permission, …) is thrown by the SDK and reaches the caller.
 */
import type { MediaGuard } from '../../ports/media-guard.port'

interface OpenApi {
  security: {
    mediaCheckAsync(args: { mediaUrl: string; mediaType: number; version: number; scene: number; openid: string }): Promise<{
      traceId?: string
      errCode?: number
    }>
  }
}

const IMAGE = 2
const COMMENT_SCENE = 2

export function mediaCheckGuard(openapi: OpenApi): MediaGuard {
  return {
    startImageCheck: async (url, { openid }) => {
      const reply = await openapi.security.mediaCheckAsync({ mediaUrl: url, mediaType: IMAGE, version: 2, scene: COMMENT_SCENE, openid })
      // Without a trace id no verdict could ever be matched to the photo: that is a failure to start.
      if (typeof reply.traceId !== 'string' || reply.traceId === '') {
        throw new Error(`mediaCheckAsync answered no trace id (errCode ${String(reply.errCode)})`)
      }
      return reply.traceId
    },
  }
}
