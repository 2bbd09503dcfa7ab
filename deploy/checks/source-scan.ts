/**
 * A module's code as it runs: TypeScript types and comments removed (esbuild's transform), and, for
 * name searches, string literals blanked, so an import path or a log message never counts as a use.
 */
import { readFileSync } from 'node:fs'
import { transformSync } from 'esbuild'

const cache = new Map<string, string>()

/** The module's JavaScript: no types, no comments. */
export function codeOf(file: string): string {
  let code = cache.get(file)
  if (code === undefined) {
    code = transformSync(readFileSync(file, 'utf8'), { loader: file.endsWith('.tsx') ? 'tsx' : 'ts', format: 'esm' }).code
    cache.set(file, code)
  }
  return code
}

const STRING_LITERAL = /(["'`])(?:\\.|(?!\1)[^\\])*\1/g

/** Whether the module's code (strings aside) names `identifier`: a property access, a destructuring, a variable. */
export function mentions(file: string, identifier: string): boolean {
  return new RegExp(`\\b${identifier}\\b`).test(codeOf(file).replace(STRING_LITERAL, '""'))
}
