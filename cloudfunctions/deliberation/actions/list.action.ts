/** `deliberation.list` (议事): the deliberations of one council she may read, or of every council she sits on. */
import type { DeliberationSummary } from '../../../types/deliberation.contract'
import { canRead, isElector } from '../../_shared/domain/deliberation.access'
import { defineAction } from '../../_shared/handler/action'
import { forbidden } from '../../_shared/context/failures'
import { OrgNames } from '../../_shared/orgs/org-path'
import { councilChain, toSummary } from '../../_shared/deliberations/deliberation-view'

const LIST_SIZE = 100

export const list = defineAction({
  fn: 'deliberation', name: 'list', kind: 'read', authorization: ['deliberation.read'],
  run: async ({ deps, openid, person }, { orgId, status }) => {
    const actor = await person()
    let orgIds: string[]
    if (orgId) {
      if (!canRead(actor, { orgId, chain: await councilChain(deps.store, orgId) })) {
        throw forbidden('该议事会的议事仅对本议事会成员和妇联干部开放')
      }
      orgIds = [orgId]
    } else {
      orgIds = [...new Set(actor.roles.filter((b) => b.role !== 'admin').map((b) => b.orgId))]
    }
    const states = await deps.store.deliberations.ofOrgs(orgIds, status, LIST_SIZE)
    const orgName = await new OrgNames(deps.store).load(states.map((state) => state.orgId))
    const items: DeliberationSummary[] = []
    for (const state of states) {
      const voted = isElector(state, openid) && (await deps.store.ballots.get(state.id, openid)) !== null
      items.push(toSummary(state, orgName(state.orgId), voted))
    }
    return { items }
  },
})
