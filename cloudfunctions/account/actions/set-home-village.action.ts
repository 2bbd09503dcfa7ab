/**
 * `account.setHomeVillage` (我的村（社区）): she picks the village or community she lives in, which
 * decides whose announcements and surveys reach her. Her own record only (who she is comes from the
 * platform); a village or community, nothing above. The audit line says a resident chose the village,
 * never who: a resident's own acts are not logged by name (docs/security.md).
 */
import { defineAction } from '../../_shared/handler/action'
import { invalidInput, notFound } from '../../_shared/context/failures'
import { orgPath } from '../../_shared/orgs/org-path'

export const setHomeVillage = defineAction({
  fn: 'account',
  name: 'setHomeVillage',
  kind: 'write',
  // No row of the authorization table: it is her own record, and anyone may live anywhere.
  authorization: [],
  authorize: async (ctx, { orgId }) => {
    const org = await ctx.deps.store.orgs.get(orgId)
    if (!org) throw notFound('没有找到该村（社区）')
    if (org.level !== 'village') throw invalidInput('请选择到村或社区', [{ path: 'orgId', message: '请选择到村或社区' }])
    return { org }
  },
  run: async (ctx, _input, { org }) =>
    ctx.deps.store.transaction(async (tx) => {
      const user = (await tx.people.getUser(ctx.openid)) ?? { openid: ctx.openid, name: null, homeOrgId: null, publicPhone: null }
      if (user.homeOrgId !== org.id) {
        await tx.people.putUser({ ...user, homeOrgId: org.id })
        const path = (await orgPath(tx, org.id)).map((o) => o.id).reverse()
        await tx.audit.add([
          {
            id: ctx.deps.ids.next('audit'),
            at: ctx.now,
            actorOpenid: null,
            actorRole: 'resident',
            action: 'account.setHomeVillage',
            orgId: org.id,
            orgPath: path,
            targetType: 'org',
            targetId: org.id,
            summary: '一位居民选定本村（社区）为自己的村（社区）',
          },
        ])
      }
      return { homeOrgId: org.id, homeOrgName: org.name }
    }),
})
