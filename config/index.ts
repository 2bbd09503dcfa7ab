/** Taro build config for both targets: weapp (the product) and h5 (local demo and browser tests). */
import { resolve } from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const target = process.env.TARO_ENV ?? 'weapp'
/** The contract lives outside src/ (the functions share it): compile it like our own code. */
const compile = { include: [resolve(__dirname, '..', 'types')] }

export default defineConfig<'webpack5'>(async (merge) => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'fulian-yishihui',
    date: '2026-11-28',
    // NutUI is drawn for a 375-wide design; our own styles for 750.
    designWidth: (input) =>
      (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    // Screen-reader labels and roles on weapp views, and page-meta for the text size (config/weapp-templates.ts).
    plugins: [resolve(__dirname, 'weapp-templates.ts')],
    defineConstants: {},
    env: {
      // The CloudBase environment the weapp calls; empty means the current default environment.
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The version of WeChat's 同声传译 plugin (WechatSI) the mini-program added in its console; empty:
      // no voice input on weapp (src/features/report/speech.ts).
      TARO_APP_WECHATSI_VERSION: JSON.stringify(process.env.TARO_APP_WECHATSI_VERSION ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile,
      postcss: {
        // rem, not rpx: one root font size per page (src/shared/page.tsx) then scales every size with
        // WeChat's font setting and 长辈模式; rpx would keep tap targets and spacing at one size.
        pxtransform: { enable: true, config: { targetUnit: 'rem' } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return merge({}, config)
})
