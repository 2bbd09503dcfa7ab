/**
 * fn_bundle_kb[<fn>] and fn_init_ms[<fn>]: each deployable function's bundle (build/functions/<fn>/
 * index.js, what CloudBase uploads) and its cold module init: a fresh `node` process per measurement
 * that times `require` of the bundle (parse, compile, run the top level, wx-server-sdk included),
 * median of 5. Bundles are built first when missing or older than their sources.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { bundleFunction, functionNames } from '../scripts/build-functions'
import { figure, median, note } from './support'
import { newest } from './weapp.bench'

const OUTPUT = 'build/functions'
const RUNS = 5

/** One fresh process: the time `require` takes, as the process itself measures it. */
function initMs(bundle: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(bundle)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }))
}

export async function functionFigures(): Promise<string[]> {
  const names = functionNames()
  // A bundle is made from the function's folder, the shared code and the contract.
  const sources = Math.max(newest('cloudfunctions/_shared'), newest('types'), newest('scripts/build-functions.ts'), newest('package.json'))
  for (const name of names) {
    const bundle = join(OUTPUT, name, 'index.js')
    const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0
    if (Math.max(sources, newest(join('cloudfunctions', name))) > built) {
      note(`functions: bundling ${name} (${built ? 'older than its sources' : `no build in ${OUTPUT}`})`)
      await bundleFunction(name)
    }
  }
  const lines: string[] = []
  for (const name of names) {
    lines.push(figure(`fn_bundle_kb[${name}]`, Math.round(statSync(join(OUTPUT, name, 'index.js')).size / 1024), 'KB'))
  }
  for (const name of names) {
    const bundle = resolve(OUTPUT, name, 'index.js')
    const runs = Array.from({ length: RUNS }, () => initMs(bundle))
    lines.push(figure(`fn_init_ms[${name}]`, Number(median(runs).toFixed(1)), 'ms'))
  }
  return lines
}
