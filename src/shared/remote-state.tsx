/**
 * What a page or list shows while it has nothing to show yet: still loading (NutUI's Loading; a whole
 * page, its Skeleton), failed
 * (tap to try again), or loaded with nothing in it (what that means and what she can do next).
 */
import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { Loading, Skeleton } from '@nutui/nutui-react-taro'
import { Page } from './page'

export interface EmptyNote {
  title: string
  hint?: string
  onTap?: () => void
}

export function EmptyState({ title, hint, onTap, className = '' }: EmptyNote & { className?: string }) {
  return (
    <View className={`empty ${className}`} onClick={onTap}>
      <Text className="empty-title">{title}</Text>
      {hint && <Text className="muted">{hint}</Text>}
    </View>
  )
}

interface Props {
  /** The load as useRemote (use-remote.ts) holds it. */
  remote: { data: unknown; loading: boolean; error?: { message: string }; reload?: () => unknown }
  /** Loaded, but nothing in it. */
  empty?: EmptyNote
  /** Loaded, but the answer was nothing at all (a case that is not there). */
  missing?: string
  loadingText?: string
}

/** Loading until there is an answer, then the failure, then the empty note; the caller shows the rest. */
export function RemoteState({ remote, empty, missing = '加载失败', loadingText = '正在加载…' }: Props) {
  const { data, loading, error, reload } = remote
  if (loading && data === undefined) {
    return (
      <View className="empty">
        <Loading direction="vertical">{loadingText}</Loading>
      </View>
    )
  }
  if (error || data === undefined) {
    return <EmptyState title={error?.message ?? missing} hint={reload && '点击重试'} onTap={reload && (() => void reload())} />
  }
  return empty ? <EmptyState {...empty} /> : null
}

/**
 * The same, as a whole page. While the page's first answer loads, grey cards stand where its cards will
 * be (NutUI's Skeleton): the page looks like itself at once, and she sees it is on its way. Once
 * loaded, what the page keeps even when empty or failed (children) comes under the state.
 */
export function PageState(props: PropsWithChildren<Props>) {
  const { data, loading } = props.remote
  if (loading && data === undefined) {
    return (
      <Page label={props.loadingText ?? '正在加载'}>
        {[0, 1].map((card) => (
          <View key={card} className="card">
            <Skeleton rows={3} animated />
          </View>
        ))}
        <Text className="muted loading-caption">{props.loadingText ?? '正在加载…'}</Text>
      </Page>
    )
  }
  return (
    <Page>
      <RemoteState {...props} />
      {props.children}
    </Page>
  )
}
