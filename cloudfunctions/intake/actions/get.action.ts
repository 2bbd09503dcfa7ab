/**
 * `intake.get`: one case as the viewer may see it — a sensitive one's text only to those allowed it,
 * her contact details only to those who handle it, and never for an anonymous report.
 */
import { defineAction } from '../../_shared/handler/action'
import { holderRole, visibilityOf } from '../../_shared/domain/case.access'
import { readCaseDetail } from '../../_shared/cases/case-view'
import { readFollowedDetail } from '../../_shared/cases/supporter-view'

/** 13812345678 → 138****5678: enough to recognise, not enough to call. */
const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')

export const get = defineAction({
  fn: 'intake', name: 'get', kind: 'read', authorization: ['case.view', 'case.viewPrivate', 'case.contact'],
  run: async ({ deps, now, person }, { caseId }) => {
    const viewer = await person()
    const stored = await deps.store.cases.get(caseId)
    const following = stored !== null && (await deps.store.supporters.has(caseId, viewer.openid))
    // One who follows it (我也遇到) and may not see it otherwise: the read-only follower's view.
    if (stored && following && visibilityOf(viewer, stored.state) === 'none') {
      return { case: await readFollowedDetail(deps.store, caseId, viewer, now) }
    }
    const handles = stored !== null && !stored.state.reporter.anonymous && holderRole(viewer, stored.state) !== null
    const contact = handles ? await deps.store.contacts.get(caseId) : null
    const detail = await readCaseDetail(deps.store, deps.files, caseId, viewer, now, {
      ...(contact?.phoneCipher && { phone: maskPhone(deps.cipher.decrypt(contact.phoneCipher)) }),
      // Shown in full to those who handle the case, as before; stored encrypted (plain only in old records).
      ...(contact?.addressCipher ? { address: deps.cipher.decrypt(contact.addressCipher) } : contact?.address && { address: contact.address }),
      ...(contact?.residentNameCipher && {
        onBehalfOf: {
          name: deps.cipher.decrypt(contact.residentNameCipher),
          ...(contact.residentPhoneCipher && { phone: maskPhone(deps.cipher.decrypt(contact.residentPhoneCipher)) }),
        },
      }),
    })
    // She sees it by a role and follows it too (a council member who tapped 我也遇到): the page says so.
    return { case: following ? { ...detail, supporting: true } : detail }
  },
})
