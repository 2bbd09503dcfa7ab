/**
 * Seeds the emulated environment with the demo province once per data folder: seed.entry.ts bundled
 * like a function and run on the function runner, so it writes through the production adapter and SDK.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { bundleEntry } from '../../scripts/build-functions'
import type { DeployedFunction } from '../function-runner/deployment'
import { createFunctionRunner, type RunnerOptions } from '../function-runner/runner'

const SEED_DIR = 'build/cloud-tools/seed'

/** `envVariables`: the functions' own (the key that seals people's records, as they will read them). */
export async function seedThroughRunner(options: Omit<RunnerOptions, 'functions'>, runtime: string, envVariables: Record<string, string>): Promise<boolean> {
  const dir = resolve(SEED_DIR)
  mkdirSync(dir, { recursive: true })
  await bundleEntry(join(__dirname, 'seed.entry.ts'), join(dir, 'index.js'))
  const seed: DeployedFunction = {
    name: 'seed-demo-province',
    dir,
    bundle: join(dir, 'index.js'),
    runtime,
    timeoutMs: 60_000,
    memoryMb: 256,
    envVariables,
    timer: null,
    openapi: [],
  }
  const runner = createFunctionRunner({ ...options, functions: [seed], maxInstances: 1 })
  try {
    const outcome = await runner.invoke(seed.name, {}, { source: 'wx_trigger' })
    if (outcome.kind !== 'result') throw new Error(`演示数据写入失败：${JSON.stringify(outcome)}`)
    return (outcome.result as { seeded: boolean }).seeded
  } finally {
    await runner.close()
  }
}
