/**
 * WeChat refuses a main package over 2 MB; we keep a margin so the resident's pages stay fast on old
 * phones. Subpackages (council, federation) are counted apart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { WEAPP_ROOT } from './support/simulate-weapp'

const MAIN_PACKAGE_LIMIT = 1.5 * 1024 * 1024

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

test('the weapp main package stays under 1.5 MB', () => {
  const appJson = JSON.parse(readFileSync(join(WEAPP_ROOT, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/?$/, '/'))
  const shipped = files(WEAPP_ROOT).filter((file) => !file.endsWith('.LICENSE.txt') && !file.endsWith('.map'))
  const main = shipped.filter((file) => !subRoots.some((root) => relative(WEAPP_ROOT, file).startsWith(root)))
  const bytes = main.reduce((sum, file) => sum + statSync(file).size, 0)
  console.log(`weapp main package: ${(bytes / 1024).toFixed(0)} KB`)
  expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT)
})
