/**
 * The environment variables a function's bundle reads from its own code: every `env.NAME` in the
 * project modules its entry (`<fn>/index.ts`, the production wiring included: variables are read there)
 * pulls in. Names read through a helper with a string (configuration.check.ts `valueOf(env, 'NAME')`)
 * are not seen here; those come from CHECKED_VARIABLES, which the declarations use (functions.ts).
 */
import type { FunctionName } from '../../types/contract'
import { sourceModulesOf } from './source-modules'
import { codeOf } from './source-scan'

const ENV_READ = /\benv\.([A-Z][A-Z0-9_]*)\b/g

/**
 * What the platform sets in every instance or invocation, not the deployment: the caller's context as
 * runtime/wx-context.ts reads it (what wx-server-sdk's getWXContext reads; tools/function-runner sets
 * the same). Not declared, so not counted.
 */
export const PLATFORM_VARIABLES: ReadonlySet<string> = new Set(['WX_CONTEXT_KEYS', 'TCB_ENV', 'SCF_NAMESPACE', 'TCB_SOURCE'])

export async function envReadsOf(name: FunctionName): Promise<Map<string, string[]>> {
  const reads = new Map<string, string[]>()
  for (const file of await sourceModulesOf([`cloudfunctions/${name}/index.ts`])) {
    for (const [, variable] of codeOf(file).matchAll(ENV_READ)) {
      if (variable && !PLATFORM_VARIABLES.has(variable)) reads.set(variable, [...new Set([...(reads.get(variable) ?? []), file])])
    }
  }
  return reads
}
