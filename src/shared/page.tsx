/**
 * Every page's frame: its text size (src/shared/text-size.ts) and the `.page` box. On weapp the size
 * is the page's `page-meta` root font size (each page config sets `enablePageMeta`); on H5 the
 * document's (src/index.html). In 长辈模式 the box carries `.elder` for what only it changes.
 */
import type { PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { PageMeta, View } from '@tarojs/components'
import { refreshTextSize, useTextSize, weappRootFontSize } from './text-size'

interface Props {
  className?: string
  /** What a screen reader says for a page that has nothing else yet (the loading skeleton). */
  label?: string
}

export function Page({ className = '', label, children }: PropsWithChildren<Props>) {
  const { elder, scale } = useTextSize()
  useDidShow(refreshTextSize)
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && <PageMeta rootFontSize={weappRootFontSize(scale)} />}
      <View className={`page ${elder ? 'elder' : ''} ${className}`} aria-label={label}>
        {children}
      </View>
    </>
  )
}
