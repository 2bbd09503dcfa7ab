// Rebuilds what a host serves only when a source it is built from is newer than the build:
// the H5 app always; with --functions also the function bundles (npm run start:cloud runs those).
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const TARGETS = [
  {
    what: 'H5 应用',
    sources: ['src', 'types', 'config', 'babel.config.js', 'package.json', 'tsconfig.json'],
    output: 'dist/h5/index.html',
    command: 'npm run build:h5',
    took: '约 30 秒',
  },
  {
    what: '云函数包',
    sources: ['cloudfunctions', 'types', 'deploy', 'scripts/build-functions.ts', 'scripts/function-loader.cjs', 'scripts/make-code-cache.cjs', 'package.json'],
    // The last file the build writes.
    output: 'build/functions/stats/bundle.cache',
    command: 'npm run build:functions',
    took: '约 10 秒',
    only: '--functions',
  },
]

function newest(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

for (const target of TARGETS) {
  if (target.only && !process.argv.includes(target.only)) continue
  const built = existsSync(target.output) ? statSync(target.output).mtimeMs : 0
  if (Math.max(...target.sources.map(newest)) > built) {
    console.log(`${target.what}需要构建（${target.took}）…`)
    execSync(target.command, { stdio: 'inherit' })
  } else {
    console.log(`${target.what}已是最新，跳过构建。`)
  }
}
