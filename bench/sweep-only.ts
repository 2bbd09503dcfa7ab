/**
 * The deadline sweep alone (sweep_rate, docs/benchmarks.md), for working on its speed: builds a dataset
 * once (kept in SWEEP_DIR), then times the real sweepDeadlines on fresh copies of it, REPEAT times,
 * after a throwaway warm-up sweep. Prints the µs per escalation and escalations/s of each run and their
 * median, and (WAL_PAGES=1) the WAL pages one escalation writes, counted with checkpoints held back by a
 * reader that stays open. Before/after: run the same script on both trees against the same SWEEP_DIR.
 *
 *   SWEEP_CASES=100000 SWEEP_DUE=10000 REPEAT=3 npx tsx bench/sweep-only.ts
 */
import Database from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sweepDeadlines } from '../cloudfunctions/escalation/sweep.job'
import { buildDataset } from './dataset'
import { benchDeps, benchNow, median, note, runBench, SIZES, timed } from './support'

const CASES = Number(process.env.SWEEP_CASES ?? 100_000)
const DUE = Number(process.env.SWEEP_DUE ?? 10_000)
const REPEAT = Number(process.env.REPEAT ?? 3)
const DIR = process.env.SWEEP_DIR ?? join(tmpdir(), `fulian-sweep-${CASES}-${DUE}`)

async function dataset(name: string, cases: number, due: number, now: string) {
  const file = join(DIR, name, 'fulian.sqlite')
  const info = join(DIR, name, 'dataset.json')
  if (existsSync(info)) return JSON.parse(readFileSync(info, 'utf8')) as { file: string; now: string; due: number }
  mkdirSync(join(DIR, name), { recursive: true })
  const built = await buildDataset({ file, shape: SIZES.shape, cases, due, now })
  note(`built ${name}: ${built.cases} cases, ${built.dueIds.length} due, in ${(built.buildMs / 1000).toFixed(1)} s`)
  const kept = { file, now, due: built.dueIds.length }
  writeFileSync(info, JSON.stringify(kept))
  return kept
}

/** A fresh copy of the pristine file, so every run sweeps the same due cases. */
function freshCopy(file: string): string {
  const copy = join(DIR, 'run.sqlite')
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
  copyFileSync(file, copy)
  // The copy's dirty pages (the whole file) written out now, not by the kernel during the timed sweep.
  const fd = openSync(copy, 'r+')
  fsyncSync(fd)
  closeSync(fd)
  return copy
}

async function sweep(set: { file: string; now: string; due: number }, walPages = false) {
  const file = freshCopy(set.file)
  let reader: Database.Database | undefined
  if (walPages) {
    // A read transaction that stays open: no checkpoint can pass it, so the WAL keeps every frame.
    reader = new Database(file, { readonly: true })
    reader.exec('BEGIN')
    reader.prepare('SELECT count(*) FROM meta').get()
  }
  const deps = benchDeps(file, set.now)
  try {
    const cpu = process.cpuUsage()
    const { ms, value } = await timed(() => sweepDeadlines({ now: set.now, requestId: 'sweep-only', deps, deadline: Date.now() + 3_600_000 }))
    const used = process.cpuUsage(cpu)
    if (value.escalated !== set.due || value.failed || value.unfinished) throw new Error(`expected ${set.due} escalations: ${JSON.stringify(value)}`)
    const pages = walPages ? walFrames(`${file}-wal`) : []
    return { ms, pages, cpuMs: (used.user + used.system) / 1000, userMs: used.user / 1000 }
  } finally {
    await deps.store.close()
    reader?.close()
  }
}

/** The page number of every frame in a WAL file (header 32 bytes; each frame a 24-byte header, then the page). */
function walFrames(wal: string): number[] {
  const bytes = readFileSync(wal)
  const pageSize = bytes.readUInt32BE(8)
  const pages: number[] = []
  for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize) pages.push(bytes.readUInt32BE(at))
  return pages
}

/** Which table or index each WAL frame was a page of (dbstat, on the file as the sweep left it). */
function framesByTree(file: string, frames: number[]): [string, number][] {
  const db = new Database(file, { readonly: true })
  try {
    const owner = new Map((db.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]))
    const counts = new Map<string, number>()
    for (const page of frames) {
      const name = owner.get(page) ?? '(free or new)'
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
    return [...counts].sort((a, b) => b[1] - a[1])
  } finally {
    db.close()
  }
}

async function main() {
  const now = benchNow()
  const warm = await dataset('warm', 500, 500, now)
  const big = await dataset('big', CASES, DUE, now)
  await sweep(warm)
  const runs: number[] = []
  const cpus: number[] = []
  const users: number[] = []
  const each = (ms: number) => ((ms * 1000) / big.due).toFixed(0)
  for (let i = 0; i < REPEAT; i++) {
    const { ms, cpuMs, userMs } = await sweep(big)
    runs.push(ms)
    cpus.push(cpuMs)
    users.push(userMs)
    note(`run ${i + 1}: ${big.due} escalations in ${ms.toFixed(0)} ms: ${each(ms)} µs each (CPU ${each(cpuMs)} µs, user ${each(userMs)}), ${Math.round(big.due / (ms / 1000))}/s`)
  }
  // The machine is shared: the CPU time (user + system of this process) is the steadier figure.
  const m = median(runs)
  console.log(
    `sweep ${CASES} cases, ${big.due} due: median ${each(m)} µs/escalation (CPU ${each(median(cpus))} µs, user ${each(median(users))} µs), ` +
      `${Math.round(big.due / (m / 1000))} escalations/s`,
  )
  if (process.env.WAL_PAGES === '1') {
    const { pages } = await sweep(big, true)
    console.log(`WAL pages per escalation (checkpoints held back): ${(pages.length / big.due).toFixed(1)}`)
    for (const [name, n] of framesByTree(join(DIR, 'run.sqlite'), pages)) console.log(`  ${name}: ${(n / big.due).toFixed(2)}`)
  }
}

runBench(main)
