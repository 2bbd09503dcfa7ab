/**
 * `escalation.taskAssignees`: whom the holder may name for a task of this case — the people seated at
 * the holder org and, on an ordinary case, the members and convener of the case's own village council
 * (domain/help-plan.rules.ts assigneeBinding says who; the decider asks the same when she picks).
 * Each once, in the first seat that lets her be named; nearest first: the village, then the holder.
 */
import type { TaskCandidate } from '../../../types/escalation.contract'
import type { Role } from '../../../types/enums'
import { defineAction } from '../../_shared/handler/action'
import { forbidden, notFound } from '../../_shared/context/failures'
import { canOnCase, visibilityOf } from '../../_shared/domain/case.access'
import { assigneeBinding } from '../../_shared/domain/help-plan.rules'
import { OrgNames } from '../../_shared/orgs/org-path'

/** A convener is also seated as a member: she is listed as the convener. */
const SEATS: readonly Role[] = ['convener', 'cadre', 'member']

export const taskAssignees = defineAction({
  fn: 'escalation', name: 'taskAssignees', kind: 'read', authorization: ['case.planTask'],
  authorize: async ({ deps, person }, { caseId }) => {
    const viewer = await person()
    const stored = await deps.store.cases.get(caseId)
    if (!stored || visibilityOf(viewer, stored.state) === 'none') throw notFound('没有找到这条反映')
    if (!canOnCase(viewer, 'planTask', stored.state)) throw forbidden('只有当前承办组织的议事会主任或妇联干部可以安排帮扶任务')
    return stored.state
  },
  run: async ({ deps }, _input, state) => {
    const orgs = [...new Set([state.villageId, state.holderOrgId])]
    const orgName = await new OrgNames(deps.store).load(orgs)
    const seen = new Set<string>()
    const items: TaskCandidate[] = []
    for (const orgId of orgs) {
      for (const role of SEATS) {
        for (const seat of await deps.store.people.withRole(orgId, role)) {
          if (seen.has(seat.openid) || !assigneeBinding([seat], state)) continue
          seen.add(seat.openid)
          items.push({
            openid: seat.openid,
            name: (await deps.store.people.getUser(seat.openid))?.name ?? null,
            role,
            orgId,
            orgName: orgName(orgId),
            // The case's village, or the holder (the case's level).
            level: orgId === state.holderOrgId ? state.level : 'village',
          })
        }
      }
    }
    return { items }
  },
})
