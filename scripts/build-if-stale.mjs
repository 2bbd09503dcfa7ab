// Rebuilds the H5 app only when a source it is built from is newer than the build.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['src', 'types', 'config', 'babel.config.js', 'package.json', 'tsconfig.json']
const OUTPUT = 'dist/h5/index.html'

function newest(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

const built = existsSync(OUTPUT) ? statSync(OUTPUT).mtimeMs : 0
if (Math.max(...SOURCES.map(newest)) > built) {
  console.log('H5 应用需要构建（约 30 秒）…')
  execSync('npm run build:h5', { stdio: 'inherit' })
} else {
  console.log('H5 应用已是最新，跳过构建。')
}
