/**
 * The instances of one function. An invocation takes an idle warm instance, or starts a new one (a
 * cold start) while fewer than `maxInstances` run, or waits for one to come free. An instance that
 * crashed or was killed at the timeout is dropped; the next invocation starts a fresh one.
 */
import { FunctionInstance, type Invocation, type InvocationOutcome } from './instance'

export interface PoolOptions {
  maxInstances: number
  start: () => FunctionInstance
}

export interface PoolStats {
  coldStarts: number
  invocations: number
  instances: number
  lastInitMs: number | null
}

export class FunctionPool {
  private readonly idle: FunctionInstance[] = []
  private readonly all = new Set<FunctionInstance>()
  private readonly waiting: ((instance: FunctionInstance) => void)[] = []
  private coldStarts = 0
  private invocations = 0
  private lastInitMs: number | null = null

  constructor(private readonly options: PoolOptions) {}

  private async acquire(): Promise<FunctionInstance> {
    while (this.idle.length > 0) {
      const instance = this.idle.pop()!
      if (instance.isAlive) return instance
      this.all.delete(instance)
    }
    if (this.all.size < this.options.maxInstances) {
      const instance = this.options.start()
      this.coldStarts++
      this.all.add(instance)
      return instance
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(instance: FunctionInstance): void {
    if (!instance.isAlive) {
      this.all.delete(instance)
      // A slot came free: a waiter gets a new instance.
      const next = this.waiting.shift()
      if (next) {
        const fresh = this.options.start()
        this.coldStarts++
        this.all.add(fresh)
        next(fresh)
      }
      return
    }
    const next = this.waiting.shift()
    if (next) next(instance)
    else this.idle.push(instance)
  }

  async invoke(invocation: Invocation): Promise<InvocationOutcome> {
    const instance = await this.acquire()
    this.invocations++
    try {
      const outcome = await instance.invoke(invocation)
      if (instance.initMs !== null) this.lastInitMs = instance.initMs
      return outcome
    } finally {
      this.release(instance)
    }
  }

  stats(): PoolStats {
    return { coldStarts: this.coldStarts, invocations: this.invocations, instances: this.all.size, lastInitMs: this.lastInitMs }
  }

  async close(): Promise<void> {
    const instances = [...this.all]
    for (const instance of instances) instance.kill()
    await Promise.all(instances.map((instance) => instance.closed()))
    this.all.clear()
    this.idle.length = 0
  }
}
