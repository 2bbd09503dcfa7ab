/** `account.me`: who I am and what I may do, shared by every page through one hook. */
import { useDidShow } from '@tarojs/taro'
import type { Role, RoleBinding } from '../../../types'
import { call } from '../../shared/cloud-client'
import { useRemote } from '../../shared/use-remote'

export const fetchMe = () => call('account', 'me', {})

export function useMe() {
  const remote = useRemote(fetchMe, [])
  // Coming back to a page (e.g. after switching persona) shows the current identity.
  useDidShow(() => {
    void remote.reload()
  })
  return remote
}

export const hasRole = (roles: RoleBinding[] | undefined, ...wanted: Role[]) =>
  (roles ?? []).some((binding) => wanted.includes(binding.role))

/** The binding to show as "who I am here": the most responsible one. */
export function primaryRole(roles: RoleBinding[]): RoleBinding | undefined {
  const order: Role[] = ['admin', 'cadre', 'convener', 'member']
  return [...roles].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))[0]
}
