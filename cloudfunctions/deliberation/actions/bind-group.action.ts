/** `deliberation.bindGroup`: the convener binds the council's WeChat group, so members arriving from it land on its deliberation. */
import { manages } from '../../_shared/domain/deliberation.access'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden } from '../../_shared/context/failures'
import { councilChain, orgNameOf } from '../../_shared/deliberations/deliberation-view'
import { groupOf } from '../group-ticket'

export const bindGroup = defineAction({
  fn: 'deliberation', name: 'bindGroup', kind: 'write', authorization: ['deliberation.manage'],
  authorize: async (ctx, { orgId }) => {
    const actor = await ctx.person()
    if (!manages(actor, { orgId })) throw forbidden('只有议事会主任或妇联干部可以绑定议事会微信群')
    await councilChain(ctx.deps.store, orgId)
  },
  run: async (ctx, { orgId, cloudID, localGroupId }) => {
    const { deps, openid, now } = ctx
    const openGId = await groupOf(ctx, { cloudID, localGroupId })
    await deps.store.transaction(async (tx) => {
      const bound = await tx.councilGroups.get(openGId)
      // A group speaks for one council: rebinding it elsewhere would send its members to another village.
      if (bound && bound.orgId !== orgId) throw conflict('该微信群已绑定其他议事会', 'GROUP_BOUND_ELSEWHERE')
      await tx.councilGroups.put({ openGId, orgId, boundBy: openid, boundAt: now })
    })
    return { orgId, orgName: await orgNameOf(deps.store, orgId), groupBound: true as const }
  },
})
