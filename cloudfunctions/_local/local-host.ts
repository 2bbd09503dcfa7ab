/** Starts the whole system in one process: every function, SQLite, the demo province, the H5 app. */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomIds } from '../_shared/adapters/ids'
import { openSqliteStore } from '../_shared/adapters/sqlite/store.sqlite'
import type { Deps } from '../_shared/context/deps'
import { consoleLogger, type Logger } from '../_shared/ports/logger.port'
import type { AdjustableClock } from '../_shared/adapters/clock'
import { defaultWriteLimiter } from '../_shared/adapters/write-limiter'
import { FUNCTIONS } from './functions'
import { createHostServer } from './http-server'
import { listen, stopListening } from './host-cli'
import { checkListenHost } from './listen-guard'
import { loadLocalClock, localBackend } from './local-backend'
import { seedDemoProvince } from './seed/seed'
import { seedDemoCases } from './seed/demo-cases'
import { keywordGuard, localGroupResolver, noMediaCheck } from '../_shared/adapters/local-stand-ins'
import { aesGcmCipher, keyFromEnvironment } from '../_shared/adapters/aes-gcm.cipher'
import { LocalMessenger } from '../_shared/adapters/local-messenger'
import { LocalShareCards } from '../_shared/adapters/local-share-cards'
import { templateIds } from '../_shared/notify/templates'
import { localPhotoFiles } from '../_shared/adapters/local-photos.files'
import { uploadFolderOf } from '../_shared/files/upload-folder'

export interface LocalHostOptions {
  dataDir: string
  port: number
  /** Loopback unless `allowRemote` (listen-guard.ts). */
  host?: string
  /** ALLOW_REMOTE_DEV=1: listen beyond loopback, warning what that exposes. */
  allowRemote?: boolean
  staticDir?: string
  /** Tests pin time here; the offset from `/__dev/clock` is added on top. */
  clockBase?: () => number
  log?: Logger
  /** On the first start, also the demo's cases (seed/demo-cases.ts): `npm start` does; tests ask for them. */
  demoCases?: boolean
}

export interface RunningHost {
  url: string
  deps: Deps
  messenger: LocalMessenger
  clock: AdjustableClock
  seeded: boolean
  close(): Promise<void>
}

export async function startLocalHost(options: LocalHostOptions): Promise<RunningHost> {
  // Before anything is opened: a refused address starts nothing.
  const exposed = checkListenHost(options.host ?? '127.0.0.1', options.allowRemote ?? false)
  if (exposed) console.warn(exposed)
  mkdirSync(options.dataDir, { recursive: true })
  const cipher = aesGcmCipher(keyFromEnvironment(true))
  // The same cipher seals identities in the store and protects phones and addresses.
  const store = openSqliteStore(join(options.dataDir, 'fulian.sqlite'), cipher)
  const clock = await loadLocalClock(store, options.clockBase)
  const messenger = new LocalMessenger(join(options.dataDir, 'outbox.jsonl'), clock)
  const shareCards = new LocalShareCards(join(options.dataDir, 'cards.jsonl'), clock)
  const deps: Deps = {
    store,
    clock,
    ids: randomIds,
    log: options.log ?? consoleLogger,
    contentGuard: keywordGuard,
    cipher,
    files: localPhotoFiles(options.dataDir, uploadFolderOf(keyFromEnvironment(true))),
    // No message push reaches the local host, so no verdict could come: photos are not checked here.
    mediaGuard: noMediaCheck,
    messenger,
    shareCards,
    templates: templateIds(),
    groups: localGroupResolver,
    // Counted in the SQLite file: every host started on this data folder shares the limit.
    writeLimiter: defaultWriteLimiter(process.env, keyFromEnvironment(true)),
  }
  const seeded = await seedDemoProvince(store)

  const backend = localBackend({ deps, clock, messenger, shareCards, functions: FUNCTIONS, dataDir: options.dataDir })
  if (seeded && options.demoCases) await seedDemoCases(backend)
  const server = createHostServer({ backend, staticDir: resolve(options.staticDir ?? 'dist/h5'), log: deps.log })
  const url = await listen(server, options.port, options.host)

  return {
    url,
    deps,
    messenger,
    clock,
    seeded,
    close: async () => {
      await stopListening(server)
      await store.close()
    },
  }
}
