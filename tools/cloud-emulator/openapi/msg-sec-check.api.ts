/**
 * security.msgSecCheck, version 2 only: `{ version: 2, openid, scene: 1–4, content ≤ 2500, title?,
 * nickname?, signature? }` → `{ errcode: 0, result: { suggest, label }, detail: [...], trace_id }`.
 * The verdict comes from a small keyword list (risky beats review beats pass), so tests can provoke
 * each; WeChat's models are not imitated. Errors: 45009 over 4000 calls a minute, 47001 for another
 * version or content over 2500 characters (WeChat documents the limit, not the code: a guess), 40003
 * without openid, 40129 for a bad scene, 44002 for empty content.
 */
import { MinuteQuota } from './minute-quota'
import { type ApiCall, OK, type OpenApiHandler, type WxJson } from './open-api.handler'
import { rid, wxError } from './openapi.errors'
import type { Verdict } from './openapi.types'

/** WeChat's label values: 100 normal, 10001 advert, 20002 porn, 20006 crime, 21000 other. */
interface Keyword {
  word: string
  label: number
}

export const DEFAULT_KEYWORDS: Record<'risky' | 'review', Keyword[]> = {
  risky: [
    { word: '[risky]', label: 21000 },
    { word: '赌博', label: 20006 },
    { word: '毒品', label: 20006 },
    { word: '色情', label: 20002 },
  ],
  review: [
    { word: '[review]', label: 21000 },
    { word: '加微信', label: 10001 },
    { word: '代开发票', label: 10001 },
  ],
}

export const CONTENT_LIMIT = 2500

export function keywordLists(custom?: { risky?: string[]; review?: string[] }): Record<'risky' | 'review', Keyword[]> {
  const own = (words: string[] | undefined) => (words ?? []).map((word) => ({ word, label: 21000 }))
  return { risky: [...DEFAULT_KEYWORDS.risky, ...own(custom?.risky)], review: [...DEFAULT_KEYWORDS.review, ...own(custom?.review)] }
}

/** The verdict for some text and the keyword that decided it. */
export function judge(text: string, keywords: Record<'risky' | 'review', Keyword[]>): { suggest: Verdict; label: number; keyword?: string } {
  for (const suggest of ['risky', 'review'] as const) {
    const hit = keywords[suggest].find((k) => text.includes(k.word))
    if (hit) return { suggest, label: hit.label, keyword: hit.word }
  }
  return { suggest: 'pass', label: 100 }
}

export function msgSecCheck(keywords: Record<'risky' | 'review', Keyword[]>, quotas = true): OpenApiHandler {
  const quota = new MinuteQuota(quotas ? 4000 : Infinity)
  return (call: ApiCall, body): WxJson => {
    if (!quota.take(call.now)) return wxError(45009, 'msgSecCheck allows 4000 calls a minute')
    const { version, openid, scene, content, title, nickname, signature } = body
    if (version !== 2 && version !== '2') return wxError(47001, 'the emulator models version 2 only')
    if (typeof openid !== 'string' || openid === '') return wxError(40003, 'openid is required in version 2')
    const sceneNo = Number(scene)
    if (!Number.isInteger(sceneNo) || sceneNo < 1 || sceneNo > 4) return wxError(40129, 'scene: 1 profile, 2 comment, 3 forum, 4 social log')
    if (typeof content !== 'string' || content === '') return wxError(44002, 'content is empty')
    const length = [...content].length
    if (length > CONTENT_LIMIT) return wxError(47001, `content: at most ${CONTENT_LIMIT} characters, got ${length}`)
    // Signature only counts in scene 1 (profile), as documented.
    const texts = [content, title, nickname, sceneNo === 1 ? signature : undefined].filter((t): t is string => typeof t === 'string')
    const verdict = judge(texts.join('\n'), keywords)
    return {
      ...OK,
      result: { suggest: verdict.suggest, label: verdict.label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 },
        verdict.keyword
          ? { strategy: 'keyword', errcode: 0, suggest: verdict.suggest, label: verdict.label, level: 90, keyword: verdict.keyword }
          : { strategy: 'keyword', errcode: 0 },
      ],
      trace_id: rid(),
    }
  }
}
