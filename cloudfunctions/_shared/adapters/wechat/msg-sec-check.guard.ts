/**
 * ContentGuard on WeChat's security.msgSecCheck v2 (through wx-server-sdk). Scene 2 is "comment",
 * the nearest to a report. Text over 2500 characters is checked in parts. The check needs the user
 * to have opened the mini-program within 2 h, which a reporter always has.
 */
import type { ContentGuard, ContentVerdict } from '../../ports/content-guard.port'

interface OpenApi {
  security: {
    msgSecCheck(args: { openid: string; scene: number; version: number; content: string }): Promise<{
      result?: { suggest?: string }
      errCode?: number
    }>
  }
}

const LIMIT = 2500
const rank: Record<ContentVerdict, number> = { pass: 0, review: 1, risky: 2 }

export function msgSecCheckGuard(openapi: OpenApi): ContentGuard {
  return {
    check: async (text, { openid }) => {
      let worst: ContentVerdict = 'pass'
      for (let i = 0; i < text.length; i += LIMIT) {
        const reply = await openapi.security.msgSecCheck({ openid, scene: 2, version: 2, content: text.slice(i, i + LIMIT) })
        const suggest = reply.result?.suggest
        const verdict: ContentVerdict = suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass'
        if (rank[verdict] > rank[worst]) worst = verdict
      }
      return worst
    },
  }
}
