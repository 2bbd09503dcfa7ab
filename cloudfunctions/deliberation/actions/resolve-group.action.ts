/** `deliberation.resolveGroup`: from the group she opened the app in (or a council id), its open deliberation. */
import { canRead } from '../../_shared/domain/deliberation.access'
import { shareTitleOf } from '../../_shared/domain/deliberation.view'
import { defineAction } from '../../_shared/handler/action'
import { forbidden, invalidInput, notFound } from '../../_shared/context/failures'
import { councilChain, orgNameOf } from '../../_shared/deliberations/deliberation-view'
import { groupOf } from '../group-ticket'

export const resolveGroup = defineAction({
  fn: 'deliberation', name: 'resolveGroup', kind: 'read', authorization: ['deliberation.read'],
  run: async (ctx, { orgId: givenOrgId, cloudID, localGroupId }) => {
    const { deps } = ctx
    const actor = await ctx.person()
    let orgId = givenOrgId
    if (cloudID || localGroupId) {
      const group = await deps.store.councilGroups.get(await groupOf(ctx, { cloudID, localGroupId }))
      if (!group) throw notFound('该微信群还没有绑定议事会')
      orgId = group.orgId
    }
    if (!orgId) throw invalidInput('缺少群聊信息')
    const chain = await councilChain(deps.store, orgId)
    if (!canRead(actor, { orgId, chain })) throw forbidden('该议事会的议事仅对本议事会成员开放')
    const [latest] = await deps.store.deliberations.ofOrgs([orgId], 'open', 1)
    return {
      orgId,
      orgName: await orgNameOf(deps.store, orgId),
      deliberationId: latest?.id ?? null,
      ...(latest && { shareTitle: shareTitleOf(latest) }),
    }
  },
})
