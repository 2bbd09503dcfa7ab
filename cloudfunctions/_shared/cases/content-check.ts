/**
 * Every piece of user text goes past the ContentGuard before it is stored (docs/RULES.md, "Limits on
 * abuse").
 */
import { contentRejected } from '../context/failures'
import type { ActionContext } from '../context/deps'

export async function ensureAcceptableText(ctx: ActionContext, ...texts: (string | undefined)[]): Promise<void> {
  const text = texts.filter((t): t is string => Boolean(t && t.trim())).join('\n')
  if (!text) return
  if ((await ctx.deps.contentGuard.check(text, { openid: ctx.openid })) === 'risky') throw contentRejected()
}
