/** `account.path` (地区路径): an org and its ancestors, root first, so the picker can name a remembered village. */
import { defineAction } from '../../_shared/handler/action'
import { notFound } from '../../_shared/context/failures'
import { orgPath } from '../../_shared/orgs/org-path'
import { orgNode } from '../orgs'

export const path = defineAction({
  fn: 'account', name: 'path', kind: 'read', authorization: [],
  run: async ({ deps }, { orgId }) => {
    // orgPath gives the org first; the picker reads from the root down.
    const items = (await orgPath(deps.store, orgId)).reverse().map(orgNode)
    if (items.length === 0) throw notFound('没有找到该地区，请重新选择')
    return { items }
  },
})
