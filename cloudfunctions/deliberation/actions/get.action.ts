/** `deliberation.get`: one deliberation as she may see it — the roll and who has not voted only to those who run it. */
import { defineAction } from '../../_shared/handler/action'
import { readDetail } from '../../_shared/deliberations/deliberation-view'

export const get = defineAction({
  fn: 'deliberation', name: 'get', kind: 'read', authorization: ['deliberation.read', 'deliberation.manage'],
  run: async ({ deps, now, person }, { deliberationId }) => ({
    deliberation: await readDetail(deps.store, deliberationId, await person(), now),
  }),
})
