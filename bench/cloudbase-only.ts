/** Only the CloudBase figures (cloudbase.bench.ts), for working on them: `QUICK=1 BENCH_TRACE=1 npx tsx bench/cloudbase-only.ts`. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbaseFigures } from './cloudbase.bench'
import { benchNow, runBench } from './support'

// The figures print themselves (support.ts figure).
runBench(async () => {
  const work = mkdtempSync(join(tmpdir(), 'bench-cloudbase-'))
  try {
    await cloudbaseFigures(work, benchNow())
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}, true)
