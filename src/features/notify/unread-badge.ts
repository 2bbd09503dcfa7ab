/** The unread count on the 消息 tab, refreshed whenever a tab page shows. */
import Taro, { useDidShow } from '@tarojs/taro'
import { listMessages } from './api/list-messages'

const MESSAGES_TAB = 2

export async function refreshUnreadBadge(unread?: number) {
  try {
    const count = unread ?? (await listMessages({ unreadOnly: true })).unread
    if (count > 0) await Taro.setTabBarBadge({ index: MESSAGES_TAB, text: count > 99 ? '99+' : String(count) })
    else await Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  } catch {
    // A badge is a nicety: never let it break the page.
  }
}

export function useUnreadBadge() {
  useDidShow(() => void refreshUnreadBadge())
}
