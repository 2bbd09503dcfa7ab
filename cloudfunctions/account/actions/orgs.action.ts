/** `account.orgs` (下级地区): the children of an org, or the roots without one, for the village picker. */
import { defineAction } from '../../_shared/handler/action'
import { notFound } from '../../_shared/context/failures'

export const orgs = defineAction({
  fn: 'account', name: 'orgs', kind: 'read', authorization: [],
  run: async ({ deps }, { parentId }) => {
    if (parentId !== undefined && !(await deps.store.orgs.get(parentId))) {
      throw notFound('没有找到该地区，请重新选择')
    }
    const children = await deps.store.orgs.children(parentId ?? null)
    const withChildren = await deps.store.orgs.withChildren(children.map((org) => org.id))
    return { items: children.map((org) => ({ ...org, hasChildren: withChildren.has(org.id) })) }
  },
})
