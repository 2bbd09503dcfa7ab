/**
 * `account.kbList` (标准答复): the standard answers a convener or cadre starts a resolution from —
 * her city's and the province's, by category, nearest org first — or, with `orgId`, one org's (the
 * admin looks after every city's). Retired ones only when asked, for the keepers' page.
 */
import type { KnowledgeAnswer } from '../../../types/account.contract'
import { CATEGORIES } from '../../../types/enums'
import { answerHome, answerSources, keepsAnswers, mayKeepAnswers, mayReadAnswers, type OrgLine } from '../../_shared/domain/knowledge.rules'
import { defineAction } from '../../_shared/handler/action'
import { forbidden, notFound } from '../../_shared/context/failures'
import { answerView, placeCaller, requireSomewhere, type Placed } from '../knowledge'

/** Whether answers are kept at the org of `line` and she keeps them. */
const keeps = (placed: Placed, line: OrgLine) => line[0] !== undefined && keepsAnswers(line[0].level) && mayKeepAnswers(placed.person, line, placed.lineOf)

/** More than an org keeps (kb-save.action.ts LIVE_ANSWERS_MAX), with room for the retired. */
const PER_ORG = 300

export const kbList = defineAction({
  fn: 'account', name: 'kbList', kind: 'read', authorization: ['knowledge.read'],
  authorize: async (ctx, { orgId }) => {
    const placed = await placeCaller(ctx)
    requireSomewhere(placed, 'knowledge.read', '标准答复供议事会主任和妇联干部办结时参考')
    if (!orgId) return { placed, sources: answerSources(placed.person, placed.lineOf) }
    const line = await placed.lineOfOrg(orgId)
    if (line.length === 0) throw notFound('没有找到该组织')
    if (!mayReadAnswers(placed.person, line, placed.lineOf)) throw forbidden('只能查看本市和省妇联的标准答复')
    return { placed, sources: [orgId] }
  },
  run: async (ctx, { category, includeRetired = false, orgId }, { placed, sources }) => {
    const items: KnowledgeAnswer[] = []
    for (const source of sources) {
      const line = await placed.lineOfOrg(source)
      const editable = mayKeepAnswers(placed.person, line, placed.lineOf)
      for (const answer of await ctx.deps.store.answers.ofOrg(source, { includeRetired, limit: PER_ORG })) {
        if (!category || answer.category === category) items.push(answerView(answer, line, editable))
      }
    }
    // By category in the app's order; within one, the nearest org's first (sources' order), newest first.
    const rank = (c: KnowledgeAnswer) => CATEGORIES.indexOf(c.category)
    items.sort((a, b) => rank(a) - rank(b))
    // Where 新增 puts one: the org listed, if she keeps answers there; without one, her own.
    const home = orgId ? (keeps(placed, await placed.lineOfOrg(orgId)) ? orgId : null) : answerHome(placed.person, placed.lineOf)
    const homeOrg = home ? (await placed.lineOfOrg(home))[0] : undefined
    return { items, addsAt: homeOrg ? { orgId: homeOrg.id, orgName: homeOrg.name, level: homeOrg.level } : null }
  },
})
