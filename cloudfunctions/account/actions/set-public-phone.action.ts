/**
 * `account.setPublicPhone` (我的联系电话): a convener publishes the number her council's residents may
 * call from 首页's 可以找谁, or clears it. Only her own number: who she is comes from the platform.
 */
import { defineAction } from '../../_shared/handler/action'
import { forbidden } from '../../_shared/context/failures'
import { auditOrgChange } from '../../_shared/audit/audit-lines'

export const setPublicPhone = defineAction({
  fn: 'account',
  name: 'setPublicPhone',
  kind: 'write',
  // No row of the authorization table: its rows relate the caller's org to a target's, and this is
  // her own number, shown wherever she convenes. Holding a convener role anywhere is the whole rule.
  authorization: [],
  authorize: async (ctx) => {
    const person = await ctx.person()
    const convening = person.roles.filter((b) => b.role === 'convener').map((b) => b.orgId)
    if (convening.length === 0) throw forbidden('只有议事会主任可以留联系电话')
    return { convening }
  },
  run: async (ctx, { phone }, { convening }) =>
    ctx.deps.store.transaction(async (tx) => {
      const user = (await tx.people.getUser(ctx.openid)) ?? { openid: ctx.openid, name: null, homeOrgId: null, publicPhone: null }
      if (user.publicPhone !== phone) {
        await tx.people.putUser({ ...user, publicPhone: phone })
        // One line at every council she convenes: the residents of each see the number.
        for (const orgId of convening) {
          await auditOrgChange(tx, ctx, {
            orgId,
            action: 'account.setPublicPhone',
            actorRole: 'convener',
            targetType: 'role',
            targetId: ctx.openid,
            // Not the number itself: the log says what she did; 首页 shows what residents see now.
            summary: phone ? (user.publicPhone ? '更换联系电话' : '留联系电话') : '清除联系电话',
          })
        }
      }
      return { publicPhone: phone }
    }),
})
