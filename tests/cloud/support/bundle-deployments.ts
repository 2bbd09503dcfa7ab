/**
 * One built bundle deployed several times under different names, each with its own environment
 * variables (as cloudbaserc.json would send them), on the function runner against one emulator:
 * how a test compares configurations of the same code side by side.
 */
import manifest from '../../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import type { CloudEmulator } from '../../../tools/cloud-emulator/emulator'
import { readDeployment, type DeployedFunction } from '../../../tools/function-runner/deployment'
import { createFunctionRunner, type FunctionRunner } from '../../../tools/function-runner/runner'
import { freshDataDir, removeDataDir, startTestEmulator } from '../../emulator/emulator.fixture'

export interface BundleDeployments {
  emulator: CloudEmulator
  runner: FunctionRunner
  close(): Promise<void>
}

export async function deployBundleAs(
  bundle: string,
  deployments: Record<string, Record<string, string>>,
  log: (line: string) => void = () => {},
): Promise<BundleDeployments> {
  const dataDir = freshDataDir()
  const emulator = await startTestEmulator({ dataDir })
  emulator.database.provision(manifest)
  const built = readDeployment({ functionsDir: 'build/functions', variables: {} }).find((fn) => fn.name === bundle)
  if (!built) throw new Error(`build/functions/${bundle} is missing: run npx tsx scripts/build-functions.ts`)
  const functions: DeployedFunction[] = Object.entries(deployments).map(([name, envVariables]) => ({ ...built, name, envVariables }))
  const runner = createFunctionRunner({
    functions,
    envId: emulator.envId,
    appId: 'wx-deployments-test',
    serviceUrl: emulator.adminUrl,
    register: (registration) => emulator.registerFunction(registration),
    clock: () => ({ mode: 'offset', offsetMs: 0 }),
    maxInstances: 1,
    log,
  })
  return {
    emulator,
    runner,
    close: async () => {
      await runner.close()
      await emulator.close()
      removeDataDir(dataDir)
    },
  }
}
