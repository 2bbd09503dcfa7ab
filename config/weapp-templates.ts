/**
 * Two fixes to the WXML templates Taro writes for weapp.
 *
 * Screen readers: WeChat reads `aria-role` / `aria-label` (and -checked, -hidden) to its screen reader, but Taro's
 * weapp templates carry only the attributes Taro lists for each component, and drop the rest. This
 * build plugin adds ours (config/weapp-aria.json) to the templates, and its runtime half
 * (weapp-aria.runtime.js) to the props Taro passes through: what Taro's own @tarojs/plugin-inject does,
 * without its copy of @tarojs/shared pinned to an older Taro.
 */
import { resolve } from 'node:path'
import type { IPluginContext } from '@tarojs/service'
import components from './weapp-aria.json'

interface MiniPlatform {
  template?: {
    mergeComponents: (ctx: IPluginContext, patch: Record<string, Record<string, string>>) => void
    buildPageTemplate: (baseTempPath: string, page?: unknown) => string
  }
  runtimePath?: string | string[]
}

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: MiniPlatform) {
      // Only the mini-program platforms build templates; H5 renders the attributes as they are.
      if (!platform.template) return
      platform.template.mergeComponents(ctx, components)
      const runtime = resolve(__dirname, 'weapp-aria.runtime.js')
      platform.runtimePath = [...[platform.runtimePath ?? []].flat(), runtime]
      // With `enablePageMeta` Taro also writes a <navigation-bar> into every page's <page-meta>, whose
      // defaults (black title, empty title text) would override the bar app.config.ts sets. We use
      // page-meta for its root font size only (src/shared/page.tsx): the navigation-bar goes.
      const buildPageTemplate = platform.template.buildPageTemplate
      platform.template.buildPageTemplate = (base, page) => buildPageTemplate(base, page).replace(/\s*<navigation-bar [^>]*\/>/, '')
    },
  })
}
