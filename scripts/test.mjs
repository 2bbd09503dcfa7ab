// `npm test`: every check, in the order that fails fastest. Builds once; the tests read the builds.
import { execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const steps = [
  ['类型检查 typecheck', 'npx tsc --noEmit -p tsconfig.json && npx tsc --noEmit -p bench/tsconfig.json'],
  ['分层规则 layer rules', 'npx depcruise --config .dependency-cruiser.cjs types src cloudfunctions tools deploy'],
  ['构建 H5', 'npx taro build --type h5'],
  ['构建 weapp', 'npx taro build --type weapp'],
  ['打包云函数 functions', 'npx tsx scripts/build-functions.ts'],
  ['测试 jest', 'npx jest --ci --json --outputFile=test-results/jest.json'],
  // The bench at 1/100 (bench/run.ts): every figure printed, crash_safety 0 / 0; no time asserted.
  ['基准（快速）bench', 'QUICK=1 npx tsx bench/run.ts'],
]

const quiet = new Set(['构建 H5', '构建 weapp'])
for (const [title, command] of steps) {
  const started = Date.now()
  console.log(`\n▶ ${title}: ${command}`)
  try {
    execSync(command, {
      stdio: quiet.has(title) ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    if (quiet.has(title) && error.stdout) console.log(error.stdout.toString().slice(-4000))
    console.error(`✖ ${title} failed`)
    process.exit(1)
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

// One plain closing line that any CI reader understands.
if (existsSync('test-results/jest.json')) {
  const r = JSON.parse(readFileSync('test-results/jest.json', 'utf8'))
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)
}
