/**
 * The local host's answers to the fixed HTTP surface: every function in this process, on the SQLite
 * store, with the local messenger and the files folder standing in for WeChat and cloud storage.
 */
import type { FunctionDef } from '../_shared/handler/define-function'
import type { Deps } from '../_shared/context/deps'
import { handle, runJobs } from '../_shared/handler/handle'
import { AdjustableClock } from '../_shared/adapters/clock'
import type { LocalMessenger } from '../_shared/adapters/local-messenger'
import type { LocalShareCards } from '../_shared/adapters/local-share-cards'
import type { Store } from '../_shared/ports/store.port'
import { keepLocally, receivePhoto, servePhoto } from './local-files'
import { demoPersonaViews } from './seed/demo-province'
import { hostUploadQuota } from './upload-quota'
import type { HostBackend } from './host-backend'

/** The local tick has no platform timeout, but keep the same budget the cloud would. */
const JOB_BUDGET_MS = 50_000

export interface LocalBackendOptions {
  deps: Deps
  clock: AdjustableClock
  messenger: LocalMessenger
  shareCards: LocalShareCards
  functions: Record<string, FunctionDef>
  dataDir: string
}

/** The local host's clock: real time plus an offset that survives restarts (kept in the store). */
const OFFSET_KEY = 'clock.offsetMs'

export async function loadLocalClock(store: Store, base?: () => number): Promise<AdjustableClock> {
  const saved = Number((await store.meta.get(OFFSET_KEY)) ?? 0)
  return new AdjustableClock(Number.isFinite(saved) ? saved : 0, base)
}

/** One delivery run at a time per host; a change during a run asks for one more run after it. */
function deliveryTrigger(options: LocalBackendOptions): () => void {
  let delivering: Promise<unknown> | null = null
  let again = false
  const trigger = () => {
    const notify = options.functions.notify
    if (!notify) return
    if (delivering) {
      again = true
      return
    }
    delivering = runJobs(notify, options.deps, JOB_BUDGET_MS).finally(() => {
      delivering = null
      if (again) {
        again = false
        trigger()
      }
    })
  }
  return trigger
}

export function localBackend(options: LocalBackendOptions): HostBackend {
  const { deps, clock, functions } = options
  const afterChange = deliveryTrigger(options)
  const uploads = hostUploadQuota(clock)
  return {
    hasFunction: (name) => Object.hasOwn(functions, name),
    callFunction: async (name, event, caller) => {
      // "Right after a change": deliver what a write queued, as production does before it answers; here
      // in the background, one run at a time.
      return handle(functions[name]!, event, caller, deps, { afterWrite: async () => afterChange() })
    },
    personas: () => demoPersonaViews((id) => deps.store.orgs.get(id)),
    orgs: async () => (await deps.store.orgs.all()).map(({ id, name, level, parentId }) => ({ id, name, level, parentId })),
    clockNow: () => clock.now(),
    advanceClock: async (hours) => {
      clock.advanceHours(hours)
      await deps.store.meta.set(OFFSET_KEY, String(clock.offset))
    },
    tick: async () => {
      const report: Record<string, unknown> = {}
      for (const [name, fn] of Object.entries(functions)) {
        if (Object.keys(fn.jobs).length > 0) report[name] = await runJobs(fn, deps, JOB_BUDGET_MS)
      }
      return report
    },
    outbox: async (openid) => options.messenger.list(openid),
    cards: async () => options.shareCards.list(),
    receivePhoto: (req, caller, reply) =>
      receivePhoto({
        req,
        openid: caller.openid,
        quota: uploads,
        reply,
        keep: keepLocally(options.dataDir, deps.files.uploadFolder(caller.openid)),
      }),
    servePhoto: async (name, res) => servePhoto(options.dataDir, name, res),
  }
}
