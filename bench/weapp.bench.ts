/**
 * weapp_main_kb and weapp_subpackage_kb[<root>]: the built mini-program (dist/weapp) as WeChat counts
 * it, the way tests/weapp/package-size.test.ts does (licence and map files are not shipped). Builds it
 * first when there is no build or it is older than its sources.
 */
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { figure, note } from './support'

const WEAPP_ROOT = 'dist/weapp'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

/** What the weapp build is made from (as scripts/build-if-stale.mjs for H5). */
const SOURCES = ['src', 'types', 'config', 'babel.config.js', 'package.json', 'tsconfig.json']

export function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

export function weappFigures(): string[] {
  const appJsonPath = join(WEAPP_ROOT, 'app.json')
  const built = existsSync(appJsonPath) ? statSync(appJsonPath).mtimeMs : 0
  if (Math.max(...SOURCES.map(newest)) > built) {
    note(`weapp: ${built ? 'build older than its sources' : 'no build'} in dist/weapp, building it (taro build --type weapp)`)
    execSync('npx taro build --type weapp', { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const appJson = JSON.parse(readFileSync(join(WEAPP_ROOT, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/?$/, '/'))
  const shipped = files(WEAPP_ROOT)
    .filter((file) => !file.endsWith('.LICENSE.txt') && !file.endsWith('.map'))
    .map((file) => ({ path: relative(WEAPP_ROOT, file), bytes: statSync(file).size }))
  const kb = (list: { bytes: number }[]) => Math.round(list.reduce((sum, f) => sum + f.bytes, 0) / 1024)
  const lines = [figure('weapp_main_kb', kb(shipped.filter((f) => !roots.some((root) => f.path.startsWith(root)))), 'KB')]
  for (const root of roots) {
    lines.push(figure(`weapp_subpackage_kb[${root.replace(/\/$/, '')}]`, kb(shipped.filter((f) => f.path.startsWith(root))), 'KB'))
  }
  return lines
}
