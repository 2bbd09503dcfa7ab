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
import { readDeployment } from '../tools/function-runner/deployment'
import { instanceEnvironment, invocationEnvironment } from '../tools/function-runner/runner'
import { RUNTIME_NODE } from '../tools/function-runner/runtime'
import type { FunctionName } from '../types/contract'

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

/**
 * node-sdk's init builds its data-model and MySQL clients (`app.models`, `app.mysql`, `app.rdb`) from
 * @cloudbase/wx-cloud-client-sdk, whose load also starts Node's fetch (undici): ~30 ms of a first call
 * with a code cache, ~85 ms without. No function uses either (the database is node-sdk's document
 * database), so the bundle gets a stand-in whose clients say so when asked for; node-sdk's init
 * already ignores a client it cannot make (cloudbase.js: try/catch around each).
 */
export const noDataModelClient: Plugin = {
  name: 'no-data-model-client',
  setup(b) {
    b.onResolve({ filter: /^@cloudbase\/wx-cloud-client-sdk$/ }, () => ({ path: 'wx-cloud-client-sdk', namespace: 'no-data-model-client' }))
    b.onLoad({ filter: /.*/, namespace: 'no-data-model-client' }, () => ({
      contents: `const left = (what) => () => { throw new Error(what + ': @cloudbase/wx-cloud-client-sdk is left out of this bundle (scripts/build-functions.ts)') }
module.exports = { generateHTTPClient: left('app.models'), generateMySQLClient: left('app.mysql / app.rdb') }`,
      loader: 'js',
    }))
  },
}

/**
 * The same for node-sdk's AI client (`app.ai()`, wx-server-sdk's `cloud.ai()`): its module loads
 * @cloudbase/ai, @cloudbase/app with the mini-program adapter, and a web-streams polyfill (~300 KB) with
 * node-sdk. No function uses it; the stand-in's createAI says so when asked.
 */
export const noAiClient: Plugin = {
  name: 'no-ai-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/ai$/ }, (args) =>
      /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/.test(args.importer) ? { path: 'node-sdk-ai', namespace: 'no-ai-client' } : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'no-ai-client' }, () => ({
      contents: `exports.createAI = () => { throw new Error('app.ai(): @cloudbase/ai is left out of this bundle (scripts/build-functions.ts)') }`,
      loader: 'js',
    }))
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
    plugins: [zodChineseOnly, oneMimeDb, noDataModelClient, noAiClient],
    logLevel: 'warning',
    // better-sqlite3 is the local store's; a cloud function never loads it.
    external: ['better-sqlite3'],
  })
}

/**
 * What the cache is made after, per function: a user's call of an action no function has — what every
 * call runs: the configuration check, the caller from WeChat's context, the contract lookup — and one
 * read, which loads node-sdk and goes down its request path until the connection is refused (nothing
 * listens at the warm-up's service address), so the code a first real call runs is in the cache too.
 * Reads only: the build must change nothing and reach nothing. intake's photoFolder also loads
 * wx-server-sdk (the files port) without a request, so intake's cache, where the content checks and
 * photos are, holds the SDK too; elsewhere only a call that reaches WeChat loads it.
 */
export const WARM_UP_EVENTS: Record<FunctionName, object[]> = {
  account: [{ action: '__warm_up__' }, { action: 'me' }],
  deliberation: [{ action: '__warm_up__' }, { action: 'list' }],
  escalation: [{ action: '__warm_up__' }, { action: 'inbox' }],
  intake: [{ action: '__warm_up__' }, { action: 'mine' }, { action: 'photoFolder' }],
  notify: [{ action: '__warm_up__' }, { action: 'inbox' }],
  outreach: [{ action: '__warm_up__' }, { action: 'feed' }],
  stats: [{ action: '__warm_up__' }, { action: 'overview', orgId: `org_${'0'.repeat(32)}` }],
}

/** The variables a configured deployment has: a random key, stand-in template ids. */
export function configuredVariables(): Record<string, string> {
  return {
    PHONE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(Object.keys(TEMPLATES).map((key) => [key, `build-${key}`]))),
  }
}

/**
 * The environment of the warm-up: what the function runner gives a deployed instance of the function
 * (cloudbaserc.json's variables, configured) and a user's invocation, with made-up credentials (node-sdk
 * signs each request before sending it) and a service address where nothing listens.
 */
function warmUpEnvironment(name: string): Record<string, string> {
  const fn = readDeployment({ functionsDir: OUTPUT, variables: configuredVariables() }).find((f) => f.name === name)
  if (!fn) throw new Error(`${name}: not in ${OUTPUT}`)
  const platform = { envId: 'env-build', appId: 'wx-build', serviceUrl: 'http://127.0.0.1:9/admin' }
  const credentials = {
    name,
    secretId: `AKIDbuild${randomBytes(6).toString('hex')}`,
    secretKey: randomBytes(24).toString('base64url'),
    sessionToken: randomBytes(24).toString('base64url'),
    openapi: [],
  }
  return {
    ...instanceEnvironment(fn, platform, credentials),
    ...invocationEnvironment({ source: 'wx_client', openid: 'o-build-warm-up' }, platform, 'warm-up'),
  }
}

/** bundle.cache for a built folder, made by the runtime's Node (V8 takes only its own version's cache). */
export function makeCodeCache(folder: string, name: string): void {
  const events = Object.hasOwn(WARM_UP_EVENTS, name) ? WARM_UP_EVENTS[name as FunctionName] : undefined
  if (!events) throw new Error(`${name}: no warm-up events in WARM_UP_EVENTS (scripts/build-functions.ts)`)
  try {
    // Its output is the warm-up read's logged failure (connection refused): shown only if it fails.
    execFileSync(RUNTIME_NODE, [resolve('scripts/make-code-cache.cjs'), resolve(folder), JSON.stringify(events)], {
      env: warmUpEnvironment(name) as NodeJS.ProcessEnv,
      cwd: folder,
      stdio: 'pipe',
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer }
    throw new Error(`${name}: making bundle.cache failed\n${String(stdout ?? '')}${String(stderr ?? '')}`)
  }
}

export async function bundleFunction(name: string): Promise<{ name: string; bytes: number }> {
  const out = join(OUTPUT, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  await bundleEntry(join(SOURCE, name, 'index.ts'), join(out, 'bundle.js'))
  copyFileSync('scripts/function-loader.cjs', join(out, 'index.js'))
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true, dependencies: {} }, null, 2)}\n`,
  )
  // Generated from the function's declaration (deploy/functions.ts): permissions, timer, timeout.
  writeFileSync(join(out, 'config.json'), bundleConfigText(declarationOf(name)))
  // Last: the warm-up runs the folder as deployed (its config.json included).
  makeCodeCache(out, name)
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
