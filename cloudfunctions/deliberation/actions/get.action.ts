/** `deliberation.get`: one deliberation as she may see it — the roll and who has not voted only to those who run it. */
import { defineAction } from '../../_shared/handler/action'
import { loadPerson } from '../../_shared/cases/load-person'
import { readDetail } from '../../_shared/deliberations/deliberation-reads'

export const get = defineAction({
  fn: 'deliberation', name: 'get', kind: 'read', authorization: ['deliberation.read', 'deliberation.manage'],
  run: async ({ deps, openid, now }, { deliberationId }) => {
    const viewer = await loadPerson(deps.store, openid)
    return { deliberation: await readDetail(deps.store, deliberationId, viewer, now) }
  },
})
