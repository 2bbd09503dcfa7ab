/** `intake.mine` (我的反映): the cases she reported, newest first; and those she follows (我也反映). */
import { defineAction } from '../../_shared/handler/action'
import { orgNamesFor, toSummary } from '../../_shared/cases/case-view'
import { toFollowedSummary } from '../../_shared/cases/supporter-view'

/** The cases she follows that the list shows, the latest follow first. */
const FOLLOWED_MAX = 50

export const mine = defineAction({
  // Her own reports, as their reporter sees them: anyone may ask for hers.
  fn: 'intake', name: 'mine', kind: 'read', authorization: [],
  run: async ({ deps, openid, now }) => {
    const viewer = { openid, roles: [] }
    const [states, follows] = await Promise.all([deps.store.cases.reportedBy(openid, 200), deps.store.supporters.followedBy(openid, FOLLOWED_MAX)])
    const followed = (await Promise.all(follows.map((f) => deps.store.cases.get(f.caseId)))).flatMap((stored) => (stored ? [stored.state] : []))
    const names = await orgNamesFor(deps.store, [...states, ...followed])
    return {
      items: states.flatMap((state) => toSummary(state, viewer, now, names) ?? []),
      following: followed.flatMap((state) => toFollowedSummary(state, viewer, now, names) ?? []),
    }
  },
})
