/**
 * Bundles every cloud function (each folder of cloudfunctions/ not starting with `_`) with esbuild into
 * a self-contained folder under build/functions/: index.js, package.json, config.json. Self-contained
 * because CloudBase's own `npm install` refuses install scripts and a bundled SDK loads faster.
 */
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SOURCE = 'cloudfunctions'
const OUTPUT = 'build/functions'

export function functionNames(): string[] {
  return readdirSync(SOURCE)
    .filter((name) => !name.startsWith('_') && statSync(join(SOURCE, name)).isDirectory())
    .sort()
}

export async function bundleFunction(name: string): Promise<{ name: string; bytes: number }> {
  const out = join(OUTPUT, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  await build({
    entryPoints: [join(SOURCE, name, 'index.ts')],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // better-sqlite3 is the local store's; a cloud function never loads it.
    external: ['better-sqlite3'],
  })
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true, dependencies: {} }, null, 2)}\n`,
  )
  copyFileSync(join(SOURCE, name, 'config.json'), join(out, 'config.json'))
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
