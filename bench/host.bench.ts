/**
 * host_rss_mb: the real local host (cloudfunctions/_local/host.ts) in its own process on the big
 * dataset's DATA_DIR, driven over HTTP as a busy day would: the timer jobs (delivery of the sweep's
 * and the submits' messages), the clock moved on so more cases fall due, the sweep again, the
 * province's `stats.overview`, the org tree, a cadre's queue. Peak RSS is the kernel's VmHWM for the
 * host's pid, read when the run is over.
 */
import { dirname } from 'node:path'
import type { Dataset } from './dataset'
import { figure, note, startHostProcess, timed } from './support'

export async function hostFigures(dataset: Dataset): Promise<string[]> {
  const host = await startHostProcess(dirname(dataset.file))
  try {
    const tick = async () => {
      const { ms, value } = await timed(() => host.post<Record<string, unknown>>('/__dev/tick', {}))
      note(`host: tick in ${(ms / 1000).toFixed(1)} s: ${JSON.stringify(value.body)}`)
    }
    await tick()
    // Six hours on: the accept deadlines of the freshest pending cases pass.
    await host.post('/__dev/clock', { advanceHours: 6 })
    await tick()
    for (let i = 0; i < 5; i++) {
      const reply = await host.post<{ ok: boolean }>('/api/stats', { action: 'overview', orgId: dataset.province }, dataset.provinceCadre)
      if (!reply.body.ok) throw new Error(`stats.overview over HTTP: ${JSON.stringify(reply.body)}`)
    }
    const orgs = await host.get<unknown[]>('/__dev/orgs')
    const inbox = await host.post<{ ok: boolean }>('/api/escalation', { action: 'inbox' }, dataset.provinceCadre)
    if (!inbox.body.ok) throw new Error(`escalation.inbox over HTTP: ${JSON.stringify(inbox.body)}`)
    note(`host: ${orgs.length} orgs served; province overview and inbox answered`)
    return [figure('host_rss_mb', Math.round(host.peakRssMb()), 'MB')]
  } finally {
    await host.stop()
  }
}
