/**
 * `deliberation.open` (发起议事): a convener or a cadre of the village opens a micro-deliberation on a
 * case or a free topic; the council, as it is now, is its roll, and is invited.
 */
import { visibilityOf } from '../../_shared/domain/case.access'
import { canOpen } from '../../_shared/domain/deliberation.access'
import type { CaseFacts } from '../../_shared/domain/deliberation.commands'
import type { Person } from '../../_shared/domain/actor.types'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden, notFound } from '../../_shared/context/failures'
import type { ActionContext } from '../../_shared/context/deps'
import { CASE_NOT_FOUND } from '../../_shared/commands/case.aggregate'
import { deliberationAggregate } from '../../_shared/commands/deliberation.aggregate'
import { create } from '../../_shared/commands/command-handler'
import { councilOf, electorateOf, orgNameOf } from '../../_shared/deliberations/deliberation-view'
import { refreshCouncilName } from '../../_shared/deliberations/council-name'

/** The case as the opener sees it; one she may not see is not found, as everywhere for cases. */
async function caseFacts(ctx: ActionContext, actor: Person, caseId: string): Promise<CaseFacts> {
  const stored = await ctx.deps.store.cases.get(caseId)
  if (!stored || visibilityOf(actor, stored.state) === 'none') throw notFound(CASE_NOT_FOUND)
  const { state } = stored
  return { caseId, holderOrgId: state.holderOrgId, status: state.status, category: state.category, title: state.title, content: state.content }
}

/**
 * A rename of the village since its name was read (authorize) would not have found this deliberation
 * before it committed: the name is read again now, and followed if it moved (council-name.ts). The
 * deliberation is open either way: a failure here is logged, not answered, or a retry would open a
 * second one.
 */
async function followRename(ctx: ActionContext, orgId: string, nameRead: string, deliberationId: string): Promise<void> {
  try {
    if ((await orgNameOf(ctx.deps.store, orgId)) !== nameRead) await refreshCouncilName(ctx.deps, deliberationId, ctx.now)
  } catch (error) {
    // Renaming the village again (组织改名) refreshes its open deliberations, this one too.
    ctx.deps.log.error('council name not followed after open', { requestId: ctx.requestId, deliberationId, orgId, error: String(error) })
  }
}

export const open = defineAction({
  fn: 'deliberation', name: 'open', kind: 'write', authorization: ['deliberation.open'],
  authorize: async (ctx, input) => {
    const actor = await ctx.person()
    if (!canOpen(actor, input.orgId)) throw forbidden('只有本村（社区）议事会主任或妇联干部可以发起议事')
    const council = await councilOf(ctx.deps.store, input.orgId)
    return { actor, council, facts: input.caseId ? await caseFacts(ctx, actor, input.caseId) : undefined }
  },
  contentChecked: ({ title, background, options }) => [title, background, ...options],
  run: async (ctx, input, { actor, council, facts }) => {
    const { deps, now } = ctx
    const created = await create(deps, deliberationAggregate, {
      type: 'OpenDeliberation',
      at: now,
      actor,
      deliberationId: deps.ids.next('dlb'),
      orgId: input.orgId,
      chain: council.chain,
      orgName: council.name,
      ...(facts && { case: facts }),
      title: input.title,
      background: input.background,
      options: input.options,
      multiple: input.multiple ?? false,
      anonymous: input.anonymous ?? false,
      closesAt: input.closesAt,
      ...(input.quorum !== undefined && { quorum: input.quorum }),
      ...(input.passRatio !== undefined && { passRatio: input.passRatio }),
      ...(input.remindHoursBefore !== undefined && { remindHoursBefore: input.remindHoursBefore }),
      electorate: await electorateOf(deps.store, input.orgId),
    })
    if (!created.created) throw conflict('该议事已发起，请勿重复提交', 'DUPLICATE_REQUEST')
    await followRename(ctx, input.orgId, council.name, created.id)
    return { deliberationId: created.id }
  },
})
