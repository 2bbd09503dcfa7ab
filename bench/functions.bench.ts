/**
 * fn_bundle_kb[<fn>] and fn_init_ms[<fn>]: each deployable function's bundle and its cold start.
 *
 * fn_bundle_kb is build/functions/<fn>/bundle.js, the esbuild bundle (the folder also holds index.js,
 * the 3 KB loader, and bundle.cache, V8's code cache for bundle.js: scripts/build-functions.ts).
 *
 * fn_init_ms is one cold start as the function runner starts a deployed function (bench/cold-start.ts):
 * a fresh instance on cloudbase-runtime-node's node (the runtime the functions deploy with, Nodejs20.19)
 * with the platform's environment, configured; the time the instance itself measures for `require` of
 * index.js (loader, cache, bundle.js's top level) plus its first invocation of `main`: a user's call
 * of an action the function does not have, which runs what every call runs (the configuration check,
 * the caller from WeChat's context, the production wiring, the contract) and answers INVALID_INPUT
 * without the network. Median of 5, each in a new process; the fork and the IPC are not counted.
 *
 * Noted beside it, same run: the same cold start without bundle.cache (what a runtime that refuses the
 * cache gets), and a cold start whose first call is a real read (the function's warm-up read in
 * WARM_UP_EVENTS: node-sdk loaded, a request to the CloudBase emulator and its answer) with the second
 * call of that instance, so the first call's own cost shows. Bundles are built first when missing or
 * older than their sources.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import manifest from '../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import { startCloudEmulator } from '../tools/cloud-emulator/emulator'
import { WARM_UP_EVENTS, bundleFunction, functionNames } from '../scripts/build-functions'
import type { FunctionName } from '../types/contract'
import { coldStart, type ColdStart } from './cold-start'
import { figure, median, note } from './support'
import { newest } from './weapp.bench'

const OUTPUT = 'build/functions'
const RUNS = 5
const READ_RUNS = 3

const total = (c: ColdStart) => c.requireMs + c.firstCallMs
const round = (value: number) => Number(value.toFixed(1))

async function runs(n: number, start: () => Promise<ColdStart>): Promise<ColdStart[]> {
  const all: ColdStart[] = []
  for (let i = 0; i < n; i++) all.push(await start())
  return all
}

function describe(all: ColdStart[]): string {
  const second = all.map((c) => c.secondCallMs).filter((ms): ms is number => ms !== undefined)
  return (
    `${round(median(all.map(total)))} ms (require ${round(median(all.map((c) => c.requireMs)))} + first call ${round(median(all.map((c) => c.firstCallMs)))}` +
    `${second.length ? `; second call ${round(median(second))}` : ''})`
  )
}

export async function functionFigures(): Promise<string[]> {
  const names = functionNames()
  // A folder is made from the function's folder, the shared code, the contract and the build scripts
  // (the loader and the cache maker among them); bundle.cache is the last file the build writes.
  const sources = Math.max(newest('cloudfunctions/_shared'), newest('types'), newest('scripts'), newest('package.json'))
  for (const name of names) {
    const cache = join(OUTPUT, name, 'bundle.cache')
    const built = existsSync(cache) ? statSync(cache).mtimeMs : 0
    if (Math.max(sources, newest(join('cloudfunctions', name))) > built) {
      note(`functions: bundling ${name} (${built ? 'older than its sources' : `no build in ${OUTPUT}`})`)
      await bundleFunction(name)
    }
  }
  const lines: string[] = []
  for (const name of names) {
    lines.push(figure(`fn_bundle_kb[${name}]`, Math.round(statSync(join(OUTPUT, name, 'bundle.js')).size / 1024), 'KB'))
  }

  // The same folders without bundle.cache, measured alternately with the real ones.
  const work = mkdtempSync(join(tmpdir(), 'fn-cold-'))
  const uncached = join(work, 'functions')
  cpSync(OUTPUT, uncached, { recursive: true })
  for (const name of names) rmSync(join(uncached, name, 'bundle.cache'))
  const emulator = await startCloudEmulator({ dataDir: join(work, 'emulator'), envId: 'env-bench' })
  emulator.database.provision(manifest)
  try {
    for (const name of names) {
      const cached: ColdStart[] = []
      const plain: ColdStart[] = []
      for (let i = 0; i < RUNS; i++) {
        cached.push(await coldStart(name))
        plain.push(await coldStart(name, { functionsDir: uncached }))
      }
      lines.push(figure(`fn_init_ms[${name}]`, round(median(cached.map(total))), 'ms'))
      const read = WARM_UP_EVENTS[name as FunctionName]?.[1]
      const reads = read
        ? await runs(READ_RUNS, () =>
            coldStart(name, { event: read, serviceUrl: emulator.adminUrl, envId: emulator.envId, register: (r) => emulator.registerFunction(r), again: true }),
          )
        : []
      note(
        `functions: ${name} cold start ${describe(cached)}; without bundle.cache ${describe(plain)}` +
          `${reads.length ? `; first call a real read (${JSON.stringify(read)}, emulator) ${describe(reads)}` : ''}`,
      )
    }
  } finally {
    await emulator.close()
    rmSync(work, { recursive: true, force: true })
  }
  return lines
}
