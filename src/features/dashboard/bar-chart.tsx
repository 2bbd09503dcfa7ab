/**
 * A horizontal bar chart drawn with AntV F2 on a 2d canvas, in weapp and h5 alike. The same numbers
 * are printed beside the chart, so nobody depends on reading bar lengths (and screen readers can).
 */
import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components'
import { Axis, Canvas, Chart, createElement, Interval } from '@antv/f2'
import './bar-chart.css'

export interface Bar {
  label: string
  value: number
}

interface Props {
  id: string
  bars: Bar[]
  /** How a value is written next to its label (e.g. as a percentage). */
  format?: (value: number) => string
}

interface Surface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
}

/** The 2d drawing surface of the <Canvas type="2d"> with this id, on either platform. */
function surfaceOf(id: string): Promise<Surface | null> {
  const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2
  if (process.env.TARO_ENV === 'h5') {
    const element = document.querySelector(`#${id} canvas, canvas#${id}`) as HTMLCanvasElement | null
    if (!element) return Promise.resolve(null)
    const { width, height } = element.getBoundingClientRect()
    element.width = width * pixelRatio
    element.height = height * pixelRatio
    const context = element.getContext('2d')
    return Promise.resolve(context ? { context, width, height, pixelRatio } : null)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((result: { node?: HTMLCanvasElement; width: number; height: number }[]) => {
        const hit = result?.[0]
        if (!hit?.node) return resolve(null)
        hit.node.width = hit.width * pixelRatio
        hit.node.height = hit.height * pixelRatio
        resolve({ context: hit.node.getContext('2d')!, width: hit.width, height: hit.height, pixelRatio })
      })
  })
}

export function BarChart({ id, bars, format = String }: Props) {
  const drawn = useRef<{ destroy?: () => void } | null>(null)
  useEffect(() => {
    let cancelled = false
    const draw = async () => {
      const surface = await surfaceOf(id)
      if (!surface || cancelled) return
      drawn.current?.destroy?.()
      const data = bars.map((bar) => ({ ...bar }))
      // F2 components are classes its own JSX factory accepts; its typings only admit function types.
      const el = createElement as unknown as (type: unknown, props: object, ...children: unknown[]) => unknown
      const chart = el(
        Chart,
        { data, coord: { transposed: true } },
        el(Axis, { field: 'label' }),
        el(Axis, { field: 'value', visible: false }),
        el(Interval, { x: 'label', y: 'value', color: '#c2185b' }),
      )
      const canvas = new Canvas({ ...surface, children: chart } as never) as unknown as { render(): Promise<void>; destroy?: () => void }
      drawn.current = canvas
      await canvas.render()
    }
    // The canvas must be laid out before it can be measured.
    const timer = setTimeout(() => void draw(), 50)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [id, bars])

  return (
    <View className="bar-chart">
      <TaroCanvas type="2d" id={id} className="bar-canvas" style={{ height: `${Math.max(3, bars.length) * 56}px` }} />
      <View className="bar-values">
        {bars.map((bar) => (
          <View key={bar.label} className="bar-value">
            <Text>{bar.label}</Text>
            <Text className="bar-number">{format(bar.value)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
