/**
 * Bundles every cloud function (each folder of cloudfunctions/ not starting with `_`) with esbuild into
 * a self-contained folder under build/functions/: bundle.js (the esbuild bundle), index.js (the loader,
 * scripts/function-loader.cjs, which runs bundle.js with V8's code cache), bundle.cache (that cache,
 * made by the runtime's own Node after a warm-up call: scripts/make-code-cache.cjs), package.json,
 * config.json (from the function's declaration, deploy/functions.ts). Self-contained because
 * CloudBase's own `npm install` refuses install scripts and a bundled SDK loads faster.
 */
import { build, type Plugin } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { declarationOf } from '../deploy/functions'
import { bundleConfigText } from '../deploy/generate/bundle-config.generator'
import { TEMPLATES } from '../cloudfunctions/_shared/notify/templates'
import { RUNTIME_NODE } from '../tools/function-runner/runtime'

const SOURCE = 'cloudfunctions'
const OUTPUT = 'build/functions'

/**
 * zod's `z` namespace re-exports every locale (`z.locales`: ~60 languages, ~250 KB of each bundle);
 * the contract configures zh-CN only (types/zod-zh.ts) and nothing reads another. The locales index
 * is replaced by one that exports zh-CN alone. Measured by `npm run bench` (docs/benchmarks.md).
 */
export const zodChineseOnly: Plugin = {
  name: 'zod-chinese-only',
  setup(b) {
    const index = resolve('node_modules/zod/v4/locales/index.js')
    b.onResolve({ filter: /(^zod\/v4\/locales$|\/locales\/index\.js$)/ }, (args) => {
      const target = args.path.startsWith('zod/') ? index : resolve(args.resolveDir, args.path)
      return target === index ? { path: index, namespace: 'zod-chinese-only' } : undefined
    })
    b.onLoad({ filter: /.*/, namespace: 'zod-chinese-only' }, () => ({
      contents: `export { default as zhCN } from './zh-CN.js'`,
      resolveDir: dirname(index),
      loader: 'js',
    }))
  },
}

/**
 * One copy of mime-db (~140 KB of JSON) instead of two: wx-server-sdk requires the hoisted 1.54 and
 * mime-types (form-data, under the SDK's HTTP client) its own nested 1.52. Same format, a newer list.
 */
export const oneMimeDb: Plugin = {
  name: 'one-mime-db',
  setup(b) {
    const root = resolve('node_modules/mime-db/index.js')
    b.onResolve({ filter: /^mime-db$/ }, () => ({ path: root }))
  },
}

export function functionNames(): string[] {
  return readdirSync(SOURCE)
    .filter((name) => !name.startsWith('_') && statSync(join(SOURCE, name)).isDirectory())
    .sort()
}

/** One self-contained CommonJS file exporting `main`, as a function folder holds it. */
export async function bundleEntry(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    // The runtime the functions deploy with (cloudbaserc.json: Nodejs20.19).
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    // Chinese messages as UTF-8 rather than \u escapes: smaller, and readable in the console.
    charset: 'utf8',
    plugins: [zodChineseOnly, oneMimeDb],
    logLevel: 'warning',
    // better-sqlite3 is the local store's; a cloud function never loads it.
    external: ['better-sqlite3'],
  })
}

/**
 * The warm-up call the cache is made after: a user's call of an action no function has. It runs what
 * every call runs (the configuration check, the caller from WeChat's context, the contract lookup) and
 * answers INVALID_INPUT before any store or WeChat call, so the build needs no network.
 */
export const WARM_UP_EVENTS = [{ action: '__warm_up__' }]

/**
 * A deployed instance's environment as far as the warm-up reads it: configured (a random key, stand-in
 * template ids) so it passes the configuration check as a deployed function does, nothing reachable.
 */
function warmUpEnvironment(name: string): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/tmp',
    TZ: 'UTC',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_FUNCTIONNAME: name,
    SCF_NAMESPACE: 'env-build',
    TCB_ENV: 'env-build',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:9/admin' }),
    PHONE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(Object.keys(TEMPLATES).map((key) => [key, `build-${key}`]))),
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: 'o-build-warm-up',
    WX_APPID: 'wx-build',
    TCB_SOURCE: 'wx_client',
  }
}

/** bundle.cache for a built folder, made by the runtime's Node (V8 takes only its own version's cache). */
export function makeCodeCache(folder: string, name: string): void {
  execFileSync(RUNTIME_NODE, [resolve('scripts/make-code-cache.cjs'), resolve(folder), JSON.stringify(WARM_UP_EVENTS)], {
    env: warmUpEnvironment(name),
    cwd: folder,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

export async function bundleFunction(name: string): Promise<{ name: string; bytes: number }> {
  const out = join(OUTPUT, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  await bundleEntry(join(SOURCE, name, 'index.ts'), join(out, 'bundle.js'))
  copyFileSync('scripts/function-loader.cjs', join(out, 'index.js'))
  makeCodeCache(out, name)
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true, dependencies: {} }, null, 2)}\n`,
  )
  // Generated from the function's declaration (deploy/functions.ts): permissions, timer, timeout.
  writeFileSync(join(out, 'config.json'), bundleConfigText(declarationOf(name)))
  return { name, bytes: statSync(join(out, 'bundle.js')).size }
}

async function main() {
  const results = []
  for (const name of functionNames()) results.push(await bundleFunction(name))
  for (const { name, bytes } of results) {
    console.log(`${name.padEnd(14)} ${(bytes / 1024).toFixed(0).padStart(6)} KB  ${join(OUTPUT, name)}/bundle.js`)
  }
}

if (process.argv[1]?.endsWith('build-functions.ts')) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
