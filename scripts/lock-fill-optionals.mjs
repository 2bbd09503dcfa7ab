// The npm registry reachable here lacks some optional, other-platform packages (Taro's darwin/win32/
// arm64 bindings) and a usage-tracking optional of NutUI. `npm install` skips them and leaves them out
// of the lock, and then `npm ci` refuses the lock. This adds platform-restricted placeholder entries so
// `npm ci` validates and, on this platform, skips them. Run it after any `npm install`.
import { readFileSync, writeFileSync } from 'node:fs'

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const placeholders = {
  '@tarojs/binding-darwin-arm64': { version: '4.2.1', os: ['darwin'], cpu: ['arm64'] },
  '@tarojs/binding-darwin-x64': { version: '4.2.1', os: ['darwin'], cpu: ['x64'] },
  '@tarojs/binding-linux-arm64-gnu': { version: '4.2.1', os: ['linux'], cpu: ['arm64'] },
  '@tarojs/binding-win32-x64-msvc': { version: '4.2.1', os: ['win32'], cpu: ['x64'] },
  // Pinned by package.json "overrides"; never wanted (it reports installs), never installable here.
  '@jmfe/npm-usage-stats-tool': { version: '1.0.0', os: ['aix'] },
}
for (const [name, entry] of Object.entries(placeholders)) {
  lock.packages[`node_modules/${name}`] ??= { ...entry, dev: name.startsWith('@tarojs'), optional: true }
}
const sorted = {}
for (const key of Object.keys(lock.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))) {
  sorted[key] = lock.packages[key]
}
lock.packages = sorted
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`)
console.log('package-lock.json: optional placeholders present')
