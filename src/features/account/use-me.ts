/** Who I am and what I may do (account.me), shared by every page through one hook. */
import { useDidShow } from '@tarojs/taro'
import { useRemote } from '../../shared/use-remote'
import { getMe } from './api/get-me'

export function useMe() {
  const remote = useRemote(getMe, [])
  // Coming back to a page (e.g. after switching persona) shows the current identity.
  useDidShow(() => {
    void remote.reload()
  })
  return remote
}
