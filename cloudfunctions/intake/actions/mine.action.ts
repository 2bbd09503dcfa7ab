/** `intake.mine` (我的反映): the cases she reported, newest first. */
import { defineAction } from '../../_shared/handler/action'
import { orgNamesFor, toSummary } from '../../_shared/cases/case-view'

export const mine = defineAction({
  // Her own reports, as their reporter sees them: anyone may ask for hers.
  fn: 'intake', name: 'mine', kind: 'read', authorization: [],
  run: async ({ deps, openid, now }) => {
    const viewer = { openid, roles: [] }
    const states = await deps.store.cases.reportedBy(openid, 200)
    const names = await orgNamesFor(deps.store, states)
    return { items: states.flatMap((state) => toSummary(state, viewer, now, names) ?? []) }
  },
})
