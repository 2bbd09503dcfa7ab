/**
 * Bundles every cloud function (each folder of cloudfunctions/ not starting with `_`) with esbuild into
 * a self-contained folder under build/functions/: index.js, package.json, config.json (from the
 * function's declaration, deploy/functions.ts). Self-contained
 * because CloudBase's own `npm install` refuses install scripts and a bundled SDK loads faster.
 */
import { build, type Plugin } from 'esbuild'
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { declarationOf } from '../deploy/functions'
import { bundleConfigText } from '../deploy/generate/bundle-config.generator'

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

export async function bundleFunction(name: string): Promise<{ name: string; bytes: number }> {
  const out = join(OUTPUT, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  await bundleEntry(join(SOURCE, name, 'index.ts'), join(out, 'index.js'))
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true, dependencies: {} }, null, 2)}\n`,
  )
  // Generated from the function's declaration (deploy/functions.ts): permissions, timer, timeout.
  writeFileSync(join(out, 'config.json'), bundleConfigText(declarationOf(name)))
  return { name, bytes: statSync(join(out, 'index.js')).size }
}

async function main() {
  const results = []
  for (const name of functionNames()) results.push(await bundleFunction(name))
  for (const { name, bytes } of results) {
    console.log(`${name.padEnd(14)} ${(bytes / 1024).toFixed(0).padStart(6)} KB  ${join(OUTPUT, name)}/index.js`)
  }
}

if (process.argv[1]?.endsWith('build-functions.ts')) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
