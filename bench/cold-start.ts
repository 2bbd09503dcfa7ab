/**
 * One cold start of a built function, as the function runner (tools/function-runner, the stand-in of
 * CloudBase's runtime) starts it: a fresh instance on cloudbase-runtime-node's node with the platform's
 * environment, the bundle required by bootstrap.cjs, then one invocation of `main`. Both times are the
 * instance's own (bootstrap.cjs: `initMs` around `require`, `ms` around `main`), not the fork or IPC.
 *
 * The invocation is a user's call with an action the function does not have: it passes what every
 * call passes — the configuration check, getWXContext(), the production wiring (wx-server-sdk's and
 * node-sdk's init, the database handle), the contract — and answers INVALID_INPUT without the network,
 * so the figure does not depend on an unreachable CloudBase. `serviceUrl` may name a reachable one
 * (the emulator) to time a call that goes over the network instead.
 */
import { readDeployment } from '../tools/function-runner/deployment'
import { createFunctionRunner } from '../tools/function-runner/runner'
import { configuredVariables } from '../scripts/build-functions'

export interface ColdStart {
  requireMs: number
  firstCallMs: number
  /** The same call again on the now warm instance, when asked for (`again`). */
  secondCallMs?: number
  reply: unknown
}

export const PROBE_EVENT = { action: '__cold_start_probe__' }

export async function coldStart(
  name: string,
  options: {
    functionsDir?: string
    event?: unknown
    serviceUrl?: string
    openid?: string
    register?: Parameters<typeof createFunctionRunner>[0]['register']
    envId?: string
    variables?: Record<string, string>
    again?: boolean
  } = {},
): Promise<ColdStart> {
  const fn = readDeployment({ functionsDir: options.functionsDir ?? 'build/functions', variables: options.variables ?? configuredVariables() }).find((f) => f.name === name)
  if (!fn) throw new Error(`no bundle for ${name}`)
  const runner = createFunctionRunner({
    functions: [fn],
    envId: options.envId ?? 'env-bench',
    appId: 'wx-bench',
    // Port 9 (discard) refuses: nothing reachable unless a caller names a service.
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9/admin',
    register: options.register ?? (() => {}),
    clock: () => ({ mode: 'offset', offsetMs: 0 }),
    maxInstances: 1,
    log: () => {},
  })
  try {
    const call = async () => {
      const outcome = await runner.invoke(name, options.event ?? PROBE_EVENT, { source: 'wx_client', openid: options.openid ?? 'o-bench-cold-start' })
      if (outcome.kind !== 'result') throw new Error(`${name}: ${JSON.stringify(outcome)}`)
      return outcome
    }
    const first = await call()
    const requireMs = runner.stats()[name]?.lastInitMs
    if (requireMs == null) throw new Error(`${name}: no init time`)
    const second = options.again ? await call() : undefined
    return { requireMs, firstCallMs: first.ms, ...(second && { secondCallMs: second.ms }), reply: first.result }
  } finally {
    await runner.close()
  }
}
