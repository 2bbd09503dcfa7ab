/**
 * Runs Taro's built weapp output in miniprogram-simulate: the real WXML templates (compiled by the
 * real wcc), the real page JS, a DOM to read. WeChat's App/Page globals are shimmed: a Page becomes a
 * Component that runs the page lifecycle when attached. wx.cloud is a stub the test answers.
 */
import { resolve } from 'node:path'
import { waitFor } from '../../support/wait-for'

type Simulate = typeof import('miniprogram-simulate')
export const WEAPP_ROOT = resolve('dist/weapp')

export interface CloudStub {
  calls: { name: string; data: Record<string, unknown> }[]
  answer: (name: string, data: Record<string, unknown>) => unknown
}

let app: Record<string, unknown> = {}

export function bootWeapp(cloud: CloudStub): Simulate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  const g = globalThis as unknown as Record<string, unknown>
  const wx = g.wx as Record<string, unknown>
  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
      cloud.calls.push({ name, data })
      return { result: cloud.answer(name, data) }
    },
  }
  g.App = (options: Record<string, unknown>) => {
    app = options
    ;(options.onLaunch as ((o: unknown) => void) | undefined)?.call(options, { path: 'pages/home/index', query: {} })
  }
  g.getApp = () => app
  g.getCurrentPages = () => []
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    ;(g.Component as (o: unknown) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, (arg?: unknown) => void>) {
          this.onLoad?.({})
          this.onShow?.()
          this.onReady?.()
        },
      },
    })
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(resolve(WEAPP_ROOT, 'app.js'))
  return simulate
}

/** Waits until the rendered text contains `text` (React renders asynchronously); answers the text. */
export async function waitForText(root: Element, text: string, timeoutMs = 5000): Promise<string> {
  const shown = () => root.textContent ?? ''
  return waitFor(() => shown().includes(text) && shown(), {
    timeoutMs,
    what: () => `"${text}" to appear; page shows: ${shown().slice(0, 300)}`,
  })
}
