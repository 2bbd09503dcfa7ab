/** Only the CloudBase figures (cloudbase.bench.ts), for working on them: `QUICK=1 BENCH_TRACE=1 npx tsx bench/cloudbase-only.ts`. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbaseFigures } from './cloudbase.bench'

const work = mkdtempSync(join(tmpdir(), 'bench-cloudbase-'))
// Whole minutes, as run.ts makes its "now". The figures print themselves (support.ts figure).
cloudbaseFigures(work, new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString())
  .finally(() => rmSync(work, { recursive: true, force: true }))
  .then(() => process.exit(0), (error) => (console.error(error), process.exit(1)))
