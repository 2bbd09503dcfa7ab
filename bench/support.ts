/** What every figure shares: sizes (full or QUICK), timing, a deps factory, the host as a child process. */
import { localPhotoFiles } from '../cloudfunctions/_shared/adapters/local-photos.files'
import { uploadFolderOf } from '../cloudfunctions/_shared/files/upload-folder'
import { dirname, join } from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { AdjustableClock } from '../cloudfunctions/_shared/adapters/clock'
import { randomIds } from '../cloudfunctions/_shared/adapters/ids'
import { openSqliteStore, type SqliteStoreOptions } from '../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { keywordGuard, localGroupResolver, noMediaCheck } from '../cloudfunctions/_shared/adapters/local-stand-ins'
import { aesGcmCipher, keyFromEnvironment } from '../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { silentLogger } from '../cloudfunctions/_shared/ports/logger.port'
import type { Deps } from '../cloudfunctions/_shared/context/deps'
import type { Messenger } from '../cloudfunctions/_shared/ports/messenger.port'
import { templateIds } from '../cloudfunctions/_shared/notify/templates'
import { defaultWriteLimiter } from '../cloudfunctions/_shared/adapters/write-limiter'
import { LocalShareCards } from '../cloudfunctions/_shared/adapters/local-share-cards'
import type { ProvinceShape } from './dataset'

export const QUICK = process.env.QUICK === '1'

export interface Sizes {
  /** The province-sized dataset (10^6 cases). */
  bigCases: number
  /** The cases due at the sweep instant, the same ones in both datasets (10^4). */
  dueCases: number
  shape: ProvinceShape
  /** In-process submits timed for submit_vs_raw. */
  submits: number
  /** Concurrent ballots on one deliberation. */
  ballots: number
  /** Concurrent submits in the crash test. */
  crashSubmits: number
}

/** 14 cities × 7 counties × 14 townships × 100 villages = 137,200 villages (≈1.4·10^5 councils). */
const FULL_SHAPE: ProvinceShape = { cities: 14, countiesPerCity: 7, townshipsPerCounty: 14, villagesPerTownship: 100 }
/** 1/100: 2 × 1 × 7 × 100 = 1,400 villages. */
const QUICK_SHAPE: ProvinceShape = { cities: 2, countiesPerCity: 1, townshipsPerCounty: 7, villagesPerTownship: 100 }

export const SIZES: Sizes = QUICK
  ? { bigCases: 10_000, dueCases: 100, shape: QUICK_SHAPE, submits: 500, ballots: 100, crashSubmits: 1_000 }
  : { bigCases: 1_000_000, dueCases: 10_000, shape: FULL_SHAPE, submits: 5_000, ballots: 10_000, crashSubmits: 1_000 }

export const ms = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e6

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint()
  const value = await fn()
  return { ms: ms(start), value }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Prints a figure as docs/benchmarks.md names it: `name: value unit`. */
export function figure(name: string, value: number | string, unit = ''): string {
  const shown = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1)) : value
  const line = `${name}: ${shown}${unit ? ` ${unit}` : ''}`
  console.log(line)
  return line
}

/** A bench's "now": whole minutes, so every instant it makes is an ordinary toISOString() value. */
export const benchNow = () => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()

/**
 * Runs a bench script's `main`: a failure is printed and exits 1. `exitWhenDone`: exits 0 once it is
 * done, for scripts whose clients keep sockets open (node-sdk's keep-alive on the emulator).
 */
export function runBench(main: () => Promise<unknown>, exitWhenDone = false): void {
  main().then(
    () => exitWhenDone && process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}

/** Progress on stderr, so stdout is only the figures. */
export const note = (text: string) => process.stderr.write(`  · ${text}\n`)

export class NullMessenger implements Messenger {
  async send() {
    return { ok: true as const }
  }
}

/** The local host's dependencies (local-host.ts) on a SQLite file, with a fixed clock (the dataset's "now"). */
export function benchDeps(file: string, now: string, storeOptions?: SqliteStoreOptions): Deps & { clock: AdjustableClock } {
  const clock = AdjustableClock.fixedAt(now)
  return {
    store: openSqliteStore(file, aesGcmCipher(keyFromEnvironment(true)), storeOptions),
    clock,
    ids: randomIds,
    log: silentLogger,
    contentGuard: keywordGuard,
    cipher: aesGcmCipher(keyFromEnvironment(true)),
    messenger: new NullMessenger(),
    templates: templateIds(),
    groups: localGroupResolver,
    files: localPhotoFiles(dirname(file), uploadFolderOf(keyFromEnvironment(true))),
    mediaGuard: noMediaCheck,
    shareCards: new LocalShareCards(join(dirname(file), 'cards.jsonl'), clock),
    writeLimiter: defaultWriteLimiter(),
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface HostProcess {
  url: string
  child: ChildProcess
  pid: number
  post<T = any>(path: string, body: unknown, openid?: string): Promise<{ status: number; body: T }>
  get<T = any>(path: string): Promise<T>
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number
  stop(): Promise<void>
  kill9(): Promise<void>
}

/**
 * The real local host (cloudfunctions/_local/host.ts) in its own Node process: `node --import tsx`,
 * not the tsx CLI, so the pid is the process that serves (the CLI would add a parent around it).
 */
export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/_local/host.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`host exited (${child.exitCode}):\n${output.slice(-2000)}`)
    try {
      const response = await fetch(`${url}/__dev/clock`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`host did not start:\n${output.slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const pid = child.pid as number
  return {
    url,
    child,
    pid,
    post: async (path, body, openid) => {
      const response = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    },
    get: async (path) => (await fetch(url + path)).json(),
    peakRssMb: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
      return kb / 1024
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
    kill9: async () => {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
