/**
 * `account.kbSave` (新增 / 修改标准答复): a city's or the province's cadre adds an answer at her org,
 * or edits one of her org's (it keeps its id and org; its updatedAt moves on); the admin does either
 * anywhere in her province. Content-checked, one audit line each, and one more to the org's 知识库更新数
 * of the month.
 */
import { answerHome, kbUpdateDeltas, keepsAnswers, mayKeepAnswers } from '../../_shared/domain/knowledge.rules'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden, invalidInput, notFound } from '../../_shared/context/failures'
import { orgPath } from '../../_shared/orgs/org-path'
import type { AnswerRecord } from '../../_shared/ports/store.port'
import { actingRole, answerView, auditAnswer, keptAnswer, placeCaller, requireSomewhere } from '../knowledge'

/** Answers an org offers at once: tens in practice; the cap keeps every list one small read. */
export const LIVE_ANSWERS_MAX = 100

const KEEPERS_ONLY = '标准答复由市、省妇联干部维护'

export const kbSave = defineAction({
  fn: 'account', name: 'kbSave', kind: 'write', authorization: ['knowledge.write'],
  authorize: async (ctx, input) => {
    const placed = await placeCaller(ctx)
    requireSomewhere(placed, 'knowledge.write', KEEPERS_ONLY)
    if (input.id) {
      const { answer, line } = await keptAnswer(ctx, placed, input.id)
      if (answer.retired) throw conflict('这条标准答复已停用，不能再修改；可以新增一条')
      if (input.orgId && input.orgId !== answer.orgId) throw invalidInput('标准答复不能换到其他单位')
      return { placed, line, stored: answer as AnswerRecord | null }
    }
    const orgId = input.orgId ?? answerHome(placed.person, placed.lineOf)
    if (!orgId) throw forbidden(KEEPERS_ONLY)
    const line = await placed.lineOfOrg(orgId)
    if (line.length === 0) throw notFound('没有找到该组织')
    if (!mayKeepAnswers(placed.person, line, placed.lineOf)) throw forbidden('只能为本级妇联新增标准答复')
    if (!keepsAnswers(line[0]!.level)) throw invalidInput('标准答复由市、省两级妇联维护，请选择市或省')
    return { placed, line, stored: null }
  },
  contentChecked: ({ title, body }) => [title, body],
  run: async (ctx, { category, title, body }, { placed, line, stored }) => {
    const orgId = line[0]!.id
    const actorRole = actingRole(placed, line)
    const answer = await ctx.deps.store.transaction(async (tx) => {
      const before = stored && (await tx.answers.get(stored.id))
      if (stored && (!before || before.retired)) throw conflict('这条标准答复刚被停用，不能再修改；可以新增一条')
      // The same words again change nothing: no new line, no update counted.
      if (before && before.category === category && before.title === title && before.body === body) return before
      if (!before && (await tx.answers.ofOrg(orgId, { includeRetired: false, limit: LIVE_ANSWERS_MAX })).length >= LIVE_ANSWERS_MAX) {
        throw conflict(`本级已有 ${LIVE_ANSWERS_MAX} 条标准答复，请先停用不再用的`)
      }
      const saved: AnswerRecord = before
        ? { ...before, category, title, body, updatedBy: ctx.openid, updatedAt: ctx.now }
        : { id: ctx.deps.ids.next('answer'), orgId, category, title, body, createdBy: ctx.openid, createdAt: ctx.now, updatedBy: ctx.openid, updatedAt: ctx.now, retired: false }
      await tx.answers.put(saved)
      await auditAnswer(tx, ctx, { answer: saved, action: 'account.kbSave', actorRole, summary: before ? '修改标准答复' : '新增标准答复' })
      await tx.counters.addInPeriods(kbUpdateDeltas((await orgPath(tx, orgId)).map((org) => org.id), ctx.now))
      return saved
    })
    return { answer: answerView(answer, line, true) }
  },
})
