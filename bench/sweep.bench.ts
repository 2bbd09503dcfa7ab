/**
 * sweep_scaling and sweep_rate: the real deadline sweep (escalation/sweep.job.ts), in process, on the
 * big dataset and on the small one, with the same due cases in both (same ids, villages, times). Every
 * due case must escalate exactly once in both runs, or the figure is not printed as a pass.
 */
import { sweepDeadlines } from '../cloudfunctions/escalation/sweep.job'
import type { Dataset } from './dataset'
import { benchDeps, figure, note, timed } from './support'

async function sweepOnce(dataset: Dataset) {
  const deps = benchDeps(dataset.file, dataset.now)
  try {
    const { ms, value: report } = await timed(() =>
      sweepDeadlines({ now: dataset.now, requestId: 'bench-sweep', deps, deadline: Date.now() + 3_600_000 }),
    )
    if (report.escalated !== dataset.dueIds.length || report.failed || report.unfinished) {
      throw new Error(`sweep on ${dataset.cases} cases: expected ${dataset.dueIds.length} escalations, got ${JSON.stringify(report)}`)
    }
    // Repeat-safe: a second run finds nothing left to do.
    const again = await sweepDeadlines({ now: dataset.now, requestId: 'bench-sweep-2', deps, deadline: Date.now() + 3_600_000 })
    if (again.escalated !== 0) throw new Error(`second sweep escalated ${again.escalated} again`)
    return { ms, escalated: report.escalated }
  } finally {
    await deps.store.close()
  }
}

export async function sweepFigures(big: Dataset, small: Dataset, warm: Dataset): Promise<string[]> {
  // A throwaway sweep first, so neither timed one pays for compiling the code; then small and big
  // back to back: the ratio is taken within one run on one machine state.
  await sweepOnce(warm)
  const onSmall = await sweepOnce(small)
  note(`sweep: ${onSmall.escalated} escalations among ${small.cases} cases in ${onSmall.ms.toFixed(0)} ms`)
  const onBig = await sweepOnce(big)
  note(`sweep: ${onBig.escalated} escalations among ${big.cases} cases in ${onBig.ms.toFixed(0)} ms`)
  return [
    figure('sweep_scaling', Number((onBig.ms / onSmall.ms).toFixed(2)), '×'),
    figure('sweep_rate', Math.round(onBig.escalated / (onBig.ms / 1000)), 'escalations/s'),
  ]
}
