/**
 * Runs Taro's built weapp output in miniprogram-simulate: the real WXML templates (compiled by the
 * real wcc), the real page JS, a DOM to read. WeChat's App/Page globals are shimmed: a Page becomes a
 * Component that runs the page lifecycle when attached. wx.cloud is a stub the test answers.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { waitFor } from '../../support/wait-for'

type Simulate = typeof import('miniprogram-simulate')
export const WEAPP_ROOT = resolve('dist/weapp')

export interface CloudStub {
  calls: { name: string; data: Record<string, unknown> }[]
  answer: (name: string, data: Record<string, unknown>) => unknown
}

let app: Record<string, unknown> = {}

/** `wx` APIs the test answers itself, over the simulator's own (its getAppBaseInfo, say). */
export type WxOverrides = Record<string, (...args: never[]) => unknown>

export function bootWeapp(cloud: CloudStub, overrides: WxOverrides = {}): Simulate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  const g = globalThis as unknown as Record<string, unknown>
  const wx = g.wx as Record<string, unknown>
  Object.assign(wx, overrides)
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
  // WeChat's page stack: Taro's page-meta writes to the page on top (its transferHydrateData).
  const pages: unknown[] = []
  g.getCurrentPages = () => pages
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    ;(g.Component as (o: unknown) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, (arg?: unknown) => void>) {
          pages.push(this)
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

interface TaroNode {
  sid?: string
  nn?: string
  cn?: TaroNode[]
  [prop: string]: unknown
}

/**
 * What WeChat would render for a WXML attribute the simulator leaves out of its DOM (it draws only
 * class, style and data-*; `aria-label` is one it drops): the value Taro's data holds for the node,
 * under the alias the node's template in base.wxml binds that attribute to.
 */
export function wxmlAttribute(page: { data?: unknown }, element: Element, attribute: string): unknown {
  const sid = element.getAttribute('data-sid')
  const find = (nodes: TaroNode[] = []): TaroNode | undefined => {
    for (const node of nodes) {
      if (node.sid === sid) return node
      const inner = find(node.cn)
      if (inner) return inner
    }
    return undefined
  }
  const node = find((page.data as { root?: TaroNode } | undefined)?.root?.cn)
  if (!node) return undefined
  const base = readFileSync(resolve(WEAPP_ROOT, 'base.wxml'), 'utf8')
  const template = base.split('<template name=').find((t) => t.startsWith(`"tmpl_0_${node.nn}"`)) ?? ''
  const alias = new RegExp(`${attribute}="\\{\\{i\\.(\\w+)\\}\\}"`).exec(template)?.[1]
  return alias === undefined ? undefined : node[alias]
}
