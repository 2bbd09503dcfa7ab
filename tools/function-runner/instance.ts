/**
 * One warm instance of one function: a child process on the runtime's Node binary running
 * bootstrap.cjs, which loads the bundle once and then serves one invocation at a time. Between
 * invocations the process is stopped (bootstrap.cjs freezes itself); an invocation thaws it. An
 * invocation that outlives the function's timeout kills the instance, as the platform does.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

export type InvocationClock = { mode: 'offset'; offsetMs: number } | { mode: 'fixed'; nowMs: number }

export interface Invocation {
  event: unknown
  context: Record<string, unknown>
  /** Set for this invocation only (WX_OPENID, TCB_SOURCE, TRIGGER_SRC…). */
  env: Record<string, string>
  clock: InvocationClock
  timeoutMs: number
}

export type InvocationOutcome =
  | { kind: 'result'; result: unknown; ms: number }
  /** main rejected or threw. */
  | { kind: 'error'; error: FunctionError; ms: number }
  /** The instance died: it crashed (an uncaught error) or was killed at the timeout. */
  | { kind: 'crash'; error: FunctionError }
  | { kind: 'timeout'; timeoutMs: number }

export interface FunctionError {
  name: string
  message: string
  stack?: string
}

export interface InstanceOptions {
  functionName: string
  bundle: string
  runtimeNode: string
  /** The instance's fixed environment: what the platform injects into every instance of the function. */
  env: Record<string, string>
  log: (line: string) => void
}

type Reply =
  | { type: 'ready'; initMs: number }
  | { type: 'init-error'; error: FunctionError }
  | { type: 'result'; id: number; result: unknown; ms: number }
  | { type: 'error'; id: number; error: FunctionError; ms: number }
  | { type: 'crash'; error: FunctionError }

const BOOTSTRAP = join(__dirname, 'bootstrap.cjs')

/** Linux: a process's state letter from /proc (T = stopped). */
function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
  } catch {
    return null
  }
}

function lines(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return
  let buffered = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    buffered += chunk
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      onLine(buffered.slice(0, i))
      buffered = buffered.slice(i + 1)
    }
  })
}

export class FunctionInstance {
  readonly started = Date.now()
  initMs: number | null = null
  invocations = 0
  private readonly child: ChildProcess
  private readonly ready: Promise<void>
  private pending: ((reply: Reply | { type: 'exit' }) => void) | null = null
  private alive = true
  private nextId = 0

  constructor(private readonly options: InstanceOptions) {
    this.child = fork(BOOTSTRAP, [options.bundle], {
      execPath: options.runtimeNode,
      execArgv: [],
      env: options.env as NodeJS.ProcessEnv,
      cwd: join(options.bundle, '..'),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc', 'pipe'],
      serialization: 'json',
    })
    const tag = `[${options.functionName}]`
    lines(this.child.stdout, (line) => options.log(`${tag} ${line}`))
    lines(this.child.stderr, (line) => options.log(`${tag} ${line}`))
    lines(this.child.stdio[4] as Readable, (line) => this.onReply(JSON.parse(line) as Reply))
    this.child.on('exit', () => {
      this.alive = false
      this.pending?.({ type: 'exit' })
    })
    this.ready = new Promise((resolve, reject) => {
      this.pending = (reply) => {
        this.pending = null
        if (reply.type === 'ready') {
          this.initMs = reply.initMs
          resolve()
        } else {
          reject(new Error(reply.type === 'init-error' ? `初始化失败：${reply.error.message}` : 'instance exited while loading'))
        }
      }
    })
    // A failed start is reported by invoke(); nobody else awaits `ready`.
    this.ready.catch(() => {})
  }

  get isAlive(): boolean {
    return this.alive
  }

  private onReply(reply: Reply): void {
    const pending = this.pending
    if (pending) pending(reply)
    else this.options.log(`[${this.options.functionName}] reply with no invocation waiting: ${reply.type}`)
  }

  /** The instance stops itself after each reply; wait until it has, so a thaw cannot arrive first. */
  private async frozen(): Promise<void> {
    const pid = this.child.pid
    if (pid === undefined) return
    for (let i = 0; i < 2000 && this.alive; i++) {
      if (processState(pid) === 'T') return
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
  }

  async invoke(invocation: Invocation): Promise<InvocationOutcome> {
    // The platform's clock runs from the request's arrival: a cold start spends the same budget.
    const deadline = Date.now() + invocation.timeoutMs
    try {
      await this.ready
    } catch (error) {
      return { kind: 'crash', error: { name: 'InitError', message: (error as Error).message } }
    }
    await this.frozen()
    if (!this.alive) return { kind: 'crash', error: { name: 'Exited', message: 'the instance is gone' } }
    const id = ++this.nextId
    this.invocations++
    return new Promise<InvocationOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null
        this.kill()
        resolve({ kind: 'timeout', timeoutMs: invocation.timeoutMs })
      }, Math.max(0, deadline - Date.now()))
      this.pending = (reply) => {
        if ('id' in reply && reply.id !== id) return
        clearTimeout(timer)
        this.pending = null
        switch (reply.type) {
          case 'result':
            return resolve({ kind: 'result', result: reply.result, ms: reply.ms })
          case 'error':
            return resolve({ kind: 'error', error: reply.error, ms: reply.ms })
          case 'crash':
            // It is exiting: never hand it another invocation.
            this.kill()
            return resolve({ kind: 'crash', error: reply.error })
          case 'exit':
            return resolve({ kind: 'crash', error: { name: 'Exited', message: 'the instance exited during the invocation' } })
          default:
            return resolve({ kind: 'crash', error: { name: 'Protocol', message: `unexpected reply ${reply.type}` } })
        }
      }
      this.child.kill('SIGCONT')
      this.child.send({ type: 'invoke', id, event: invocation.event, context: invocation.context, env: invocation.env, clock: invocation.clock })
    })
  }

  kill(): void {
    if (!this.alive) return
    this.alive = false
    this.child.kill('SIGKILL')
  }

  /** Waits for the process to be gone (after kill). */
  async closed(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    await new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
  }
}
