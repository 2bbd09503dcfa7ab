/**
 * One function, created or updated to its declaration through @cloudbase/manager-node's function
 * service (SCF API 2018-04-16 under the environment's namespace):
 *  - absent: CreateFunction with the runtime, handler, timeout, memory, variables and the bundle as a
 *    ZipFile (no cloud-side npm install), then its timer (manager-node's createFunction does both);
 *  - present: UpdateFunctionCode, then UpdateFunctionConfiguration (timeout, memory, variables — the
 *    variables are replaced as a whole), then the timer reconciled (trigger.plan.ts).
 * The runtime cannot change on an existing function (UpdateFunctionConfiguration does not take it), so a
 * function deployed with another one is refused, not half-updated.
 * Open-API permissions are not sent: no management API takes them (docs/deploy.md).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FunctionDeclaration } from '../function.declaration'
import { bundleConfigText } from '../generate/bundle-config.generator'
import { triggerPlan, type DeployedTrigger } from './trigger.plan'

interface FunctionConfig {
  name: string
  runtime: string
  handler: string
  timeout: number
  memorySize: number
  installDependency: boolean
  envVariables: Record<string, string>
  triggers?: { name: string; type: string; config: string }[]
}

/** The part of manager-node's FunctionService the deploy uses (types/function/index.d.ts there). */
export interface FunctionsApi {
  getFunctionDetail(name: string): Promise<{ Runtime?: string; Triggers?: DeployedTrigger[] }>
  createFunction(param: { func: FunctionConfig; functionRootPath: string; force: boolean; deployMode: 'zip' }): Promise<unknown>
  updateFunctionCode(param: { func: Omit<FunctionConfig, 'timeout' | 'memorySize' | 'envVariables'>; functionRootPath: string; deployMode: 'zip' }): Promise<unknown>
  updateFunctionConfig(func: FunctionConfig): Promise<unknown>
  waitFunctionActive(name: string): Promise<void>
  createFunctionTriggers(name: string, triggers: { name: string; type: string; config: string }[]): Promise<unknown>
  deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>
}

export interface FunctionOutcome {
  name: string
  action: 'created' | 'updated'
  /** What happened to the timer: `created`, `replaced`, `unchanged`, `removed`, `none`. */
  timer: string
}

export class DeployRefusal extends Error {}

const isAbsent = (error: unknown): boolean => /^ResourceNotFound/.test(String((error as { code?: unknown }).code ?? ''))

/** The bundle is what the declaration says: built, and its config.json generated from it. */
function checkBundle(functionsDir: string, declaration: FunctionDeclaration): void {
  const dir = join(functionsDir, declaration.name)
  const stale = `请先运行 npm run build:functions / rebuild first: npm run build:functions`
  if (!existsSync(join(dir, 'index.js'))) throw new DeployRefusal(`${declaration.name}: ${dir}/index.js 不存在 / is missing — ${stale}`)
  const config = existsSync(join(dir, 'config.json')) ? readFileSync(join(dir, 'config.json'), 'utf8') : ''
  if (config !== bundleConfigText(declaration)) {
    throw new DeployRefusal(`${declaration.name}: ${dir}/config.json 与 deploy/functions.ts 不符 / does not match its declaration — ${stale}`)
  }
}

function configOf(declaration: FunctionDeclaration, values: Record<string, string>): FunctionConfig {
  const envVariables: Record<string, string> = {}
  for (const { name } of declaration.variables) if (values[name] !== undefined) envVariables[name] = values[name]
  return {
    name: declaration.name,
    runtime: declaration.runtime,
    handler: 'index.main',
    timeout: declaration.timeoutSeconds,
    memorySize: declaration.memoryMb,
    installDependency: false,
    envVariables,
  }
}

const timerTrigger = (timer: NonNullable<FunctionDeclaration['timer']>) => ({ name: timer.name, type: 'timer', config: timer.cron })

export async function deployFunction(
  api: FunctionsApi,
  declaration: FunctionDeclaration,
  options: { functionsDir: string; values: Record<string, string> },
): Promise<FunctionOutcome> {
  checkBundle(options.functionsDir, declaration)
  const { name } = declaration
  const config = configOf(declaration, options.values)

  let deployed: { Runtime?: string; Triggers?: DeployedTrigger[] } | null
  try {
    deployed = await api.getFunctionDetail(name)
  } catch (error) {
    if (!isAbsent(error)) throw error
    deployed = null
  }

  if (!deployed) {
    const triggers = declaration.timer ? [timerTrigger(declaration.timer)] : []
    await api.createFunction({ func: { ...config, ...(triggers.length > 0 && { triggers }) }, functionRootPath: options.functionsDir, force: false, deployMode: 'zip' })
    return { name, action: 'created', timer: declaration.timer ? 'created' : 'none' }
  }

  if (deployed.Runtime && deployed.Runtime !== declaration.runtime) {
    throw new DeployRefusal(
      `${name}: 云端运行时为 ${deployed.Runtime}，声明为 ${declaration.runtime}；运行时只能在创建时指定，请在控制台删除该函数后重新部署 / ` +
        `deployed on ${deployed.Runtime}, declared ${declaration.runtime}: a runtime is fixed at creation, delete the function in the console and deploy again`,
    )
  }
  const { timeout: _t, memorySize: _m, envVariables: _e, ...codeFunc } = config
  await api.updateFunctionCode({ func: codeFunc, functionRootPath: options.functionsDir, deployMode: 'zip' })
  await api.waitFunctionActive(name)
  await api.updateFunctionConfig(config)
  await api.waitFunctionActive(name)

  const plan = triggerPlan(deployed.Triggers ?? [], declaration.timer)
  for (const triggerName of plan.remove) await api.deleteFunctionTrigger(name, triggerName)
  if (plan.create) await api.createFunctionTriggers(name, [timerTrigger(plan.create)])
  const timer = plan.create ? (plan.remove.length > 0 ? 'replaced' : 'created') : plan.remove.length > 0 ? 'removed' : declaration.timer ? 'unchanged' : 'none'
  return { name, action: 'updated', timer }
}
