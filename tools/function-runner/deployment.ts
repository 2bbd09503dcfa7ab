/**
 * What the platform knows of each deployed function, read from the same files the deploy reads:
 * `cloudbaserc.json` (runtime, timeout, memory, environment variables: what `npm run deploy` sends)
 * and the bundle's own `config.json` (timer trigger and open-API permissions). A function that
 * cloudbaserc.json does not list gets what the deploy tooling would give it — an old runtime and a 3 s
 * timeout — so the runner shows the same failure the cloud would.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface TimerTrigger {
  name: string
  /** Seven fields, seconds first, year last, China time (WeChat's trigger documentation). */
  cron: string
}

export interface DeployedFunction {
  name: string
  dir: string
  bundle: string
  runtime: string
  timeoutMs: number
  memoryMb: number
  envVariables: Record<string, string>
  timer: TimerTrigger | null
  openapi: string[]
}

/** What the deploy tooling gives a function cloudbaserc.json does not describe. */
export const TOOL_DEFAULTS = { runtime: 'Nodejs10.15', timeoutSeconds: 3, memorySize: 256 }

interface RcFunction {
  name: string
  runtime?: string
  timeout?: number
  memorySize?: number
  envVariables?: Record<string, string>
}

interface BundleConfig {
  permissions?: { openapi?: string[] }
  triggers?: { name: string; type: string; config: string }[]
}

/** `{{env.NAME}}` in cloudbaserc.json, as the CloudBase CLI fills it from the environment. */
function fillTemplate(value: string, variables: Record<string, string | undefined>): string {
  return value.replace(/\{\{\s*env\.([A-Za-z0-9_]+)\s*\}\}/g, (_, name: string) => variables[name] ?? '')
}

export function readDeployment(options: {
  functionsDir: string
  rcFile?: string
  variables: Record<string, string | undefined>
}): DeployedFunction[] {
  const rc = JSON.parse(readFileSync(options.rcFile ?? 'cloudbaserc.json', 'utf8')) as { functions?: RcFunction[] }
  const described = new Map((rc.functions ?? []).map((fn) => [fn.name, fn]))
  const root = resolve(options.functionsDir)
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory() && existsSync(join(root, name, 'index.js')))
    .sort()
    .map((name) => {
      const dir = join(root, name)
      const spec = described.get(name)
      const config = existsSync(join(dir, 'config.json'))
        ? (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as BundleConfig)
        : {}
      const trigger = (config.triggers ?? []).find((t) => t.type === 'timer')
      const envVariables: Record<string, string> = {}
      for (const [key, value] of Object.entries(spec?.envVariables ?? {})) {
        const filled = fillTemplate(value, options.variables)
        // The console drops a variable with an empty value; so does the runner.
        if (filled !== '') envVariables[key] = filled
      }
      return {
        name,
        dir,
        bundle: join(dir, 'index.js'),
        runtime: spec?.runtime ?? TOOL_DEFAULTS.runtime,
        timeoutMs: (spec?.timeout ?? TOOL_DEFAULTS.timeoutSeconds) * 1000,
        memoryMb: spec?.memorySize ?? TOOL_DEFAULTS.memorySize,
        envVariables,
        timer: trigger ? { name: trigger.name, cron: trigger.config } : null,
        openapi: config.permissions?.openapi ?? [],
      }
    })
}
