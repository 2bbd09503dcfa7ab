/**
 * The values of the declared function variables, from the deploying shell. A required one that is
 * missing stops the deploy, named in Chinese and English; so does a value the functions' own cold-start
 * check would refuse (configuration.check.ts, the check `npm run doctor` prints), since every call to a
 * function deployed with it would answer "not configured".
 */
import { checkConfiguration, describeProblem } from '../../cloudfunctions/_shared/runtime/configuration.check'
import type { FunctionDeclaration } from '../function.declaration'

type Environment = Record<string, string | undefined>

export function readFunctionVariables(
  env: Environment,
  declarations: readonly FunctionDeclaration[],
): { ok: true; values: Record<string, string> } | { ok: false; problems: string[] } {
  const declaredBy = new Map<string, { required: boolean; functions: string[] }>()
  for (const declaration of declarations) {
    for (const { name, required } of declaration.variables) {
      const entry = declaredBy.get(name) ?? { required: false, functions: [] }
      declaredBy.set(name, { required: entry.required || required, functions: [...entry.functions, declaration.name] })
    }
  }
  const values: Record<string, string> = {}
  const problems: string[] = []
  for (const [name, { required, functions }] of declaredBy) {
    const value = env[name]
    if (value !== undefined && value !== '') values[name] = value
    else if (required) {
      const who = functions.join(', ')
      problems.push(`缺少云函数环境变量 ${name}（${who} 需要） / Missing function variable ${name}, declared required by ${who}`)
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  const check = checkConfiguration(values)
  if (!check.ok) {
    return {
      ok: false,
      problems: check.problems.map(
        (problem) => `${describeProblem(problem)} / ${problem.variable} would fail the functions' cold-start check (npm run doctor explains)`,
      ),
    }
  }
  return { ok: true, values }
}
