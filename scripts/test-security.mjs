// `npm run test:security`: the security review as a suite (docs/security.md says what each part
// proves). Every part also runs in `npm test`; this runs just them. Needs the builds `npm test` makes
// (dist/h5, build/functions): run `npm run build` first on a fresh clone.
import { execSync } from 'node:child_process'

const SUITES = [
  // who may do what: every cell of the authorization table, and a sample written from the rules
  'tests/integration/authorization',
  // every action fuzzed on the local host: never INTERNAL, always Chinese
  'tests/integration/fuzz',
  // identities, phones and addresses at rest; uploads, malformed requests, headers, listening address
  'tests/integration/at-rest',
  'tests/integration/host-hardening',
  // resends before the write limit; the limit shared by instances
  'tests/integration/write-limit',
  'tests/cloud/write-limit',
  // at most once under races and crashes: delivery killed mid-send, sweeps crashing half-way
  'tests/integration/delivery',
  'tests/integration/sweep',
  // the production path's refusals: configuration, forged timers and pushes, job secrets, photos
  'tests/cloud/configuration',
  'tests/cloud/http-jobs',
  'tests/cloud/media-check',
  'tests/integration/stories',
  // stored XSS and CSP in the browser
  'tests/e2e/security-policy',
]

const run = (title, command) => {
  console.log(`\n▶ ${title}: ${command}`)
  execSync(command, { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } })
}

run('安全测试 security suites', `npx jest ${SUITES.join(' ')}`)
// kill -9 during 1,000 concurrent reports and ticks, restart, resend: nothing lost, nothing doubled
// (bench/crash.bench.ts; crash_safety must print 0 + 0 / 0).
run('崩溃安全 crash safety (quick bench)', 'QUICK=1 npx tsx bench/run.ts')
