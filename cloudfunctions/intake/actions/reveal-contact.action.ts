/**
 * `intake.revealContact` (拨打电话): the full number of the woman behind a case, for the convener or
 * cadre of the org handling it, so she can be called as the report form promised. Never for an
 * anonymous report; the list and the page keep showing the masked number. Every reveal is a line in
 * the audit log (操作记录), written before the number is answered.
 */
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden, notFound } from '../../_shared/context/failures'
import { holderRole } from '../../_shared/domain/case.access'
import { auditOrgChange } from '../../_shared/audit/audit-lines'

export const revealContact = defineAction({
  fn: 'intake', name: 'revealContact', kind: 'write', authorization: ['case.contact'],
  authorize: async ({ deps, person }, { caseId }) => {
    const viewer = await person()
    const stored = await deps.store.cases.get(caseId)
    const role = stored && holderRole(viewer, stored.state)
    // Whoever may not handle it learns nothing about the case, not even that it exists.
    if (!stored || !role) throw notFound('没有找到这条反映')
    if (stored.state.reporter.anonymous) throw forbidden('这是匿名反映，不能查看反映人的联系方式')
    return { state: stored.state, role }
  },
  run: async (ctx, { caseId }, { state, role }) => {
    const { deps } = ctx
    const contact = await deps.store.contacts.get(caseId)
    const residentPhone = contact?.residentPhoneCipher && deps.cipher.decrypt(contact.residentPhoneCipher)
    const phone = residentPhone || (contact?.phoneCipher && deps.cipher.decrypt(contact.phoneCipher))
    if (!phone) throw conflict('反映人没有留下电话')
    const name = residentPhone
      ? deps.cipher.decrypt(contact!.residentNameCipher!)
      : (await deps.store.people.getUser(state.reporter.openid))?.name ?? undefined
    await deps.store.transaction((tx) =>
      auditOrgChange(tx, ctx, {
        orgId: state.holderOrgId,
        action: 'intake.revealContact',
        actorRole: role,
        targetType: 'case',
        targetId: caseId,
        summary: '查看反映人联系电话',
      }),
    )
    return { ...(name && { name }), phone }
  },
})
