/** Loads something from the cloud with loading and error states, and a way to load it again. */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { CloudError } from './cloud-error'

export interface Remote<T> {
  data: T | undefined
  loading: boolean
  error: CloudError | undefined
  reload: () => Promise<void>
  /** Puts a fresher copy in place (one a change answered with), without loading. */
  set: (data: T) => void
}

export function useRemote<T>(load: () => Promise<T>, deps: unknown[]): Remote<T> {
  const [data, setData] = useState<T>()
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<CloudError>()
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    try {
      const value = await load()
      if (ticket === latest.current) {
        setData(value)
        setError(undefined)
      }
    } catch (caught) {
      if (ticket === latest.current) {
        setError(caught instanceof CloudError ? caught : new CloudError({ code: 'INTERNAL', message: '加载失败，请重试' }))
      }
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, loading, error, reload, set: setData }
}

/** A page kept current: loaded again when she comes back to it (its first show is the first load), and on a pull. */
export function useReloadOnReturn(reload: () => Promise<void>) {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
}
