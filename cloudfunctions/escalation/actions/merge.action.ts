/**
 * `escalation.merge` (合并办理): the holder closes a duplicate into another open case it holds, in one
 * transaction — the duplicate closes with its pointer (MergeCase: its reporter and followers are told),
 * its reporter and followers follow the target, and the target counts them (AbsorbMergedCase). The
 * decider checks both sides (case.decider.ts mergeCase, absorbMergedCase). No free text to check.
 */
import { defineAction } from '../../_shared/handler/action'
import { visibilityOf } from '../../_shared/domain/case.access'
import { newFollowers } from '../../_shared/domain/me-too.rules'
import { caseAggregate } from '../../_shared/commands/case.aggregate'
import { changeIn, changeTogether } from '../../_shared/commands/command-handler'
import { readCaseDetail } from '../../_shared/cases/case-view'

/** A case's followers read at once: far above what a me-too allows (SUPPORTERS_MAX). */
const FOLLOWERS_READ = 10_000

export const merge = defineAction({
  fn: 'escalation', name: 'merge', kind: 'write', authorization: ['case.merge'],
  authorize: (ctx) => ctx.person(),
  run: async (ctx, { caseId, intoCaseId }, actor) => {
    const { deps, now } = ctx
    await changeTogether(deps, caseAggregate, async (tx) => {
      const stored = await tx.cases.get(intoCaseId)
      // One she may not see is not there for her.
      const into = stored && visibilityOf(actor, stored.state) !== 'none' ? stored.state : null
      const merged = await changeIn(tx, deps, caseAggregate, caseId, () => ({ type: 'MergeCase' as const, at: now, actor, into }))
      const from = merged.before!
      const moving = newFollowers(
        { reporter: from.reporter.openid, followers: await tx.supporters.ofCase(caseId, FOLLOWERS_READ) },
        { reporter: into!.reporter.openid, followers: [] },
      )
      let added = 0
      for (const openid of moving) if (await tx.supporters.add(intoCaseId, openid, now)) added++
      await changeIn(tx, deps, caseAggregate, intoCaseId, () => ({ type: 'AbsorbMergedCase' as const, at: now, actor, fromCaseId: caseId, added }))
    })
    return { case: await readCaseDetail(deps.store, deps.files, caseId, actor, now) }
  },
})
