/**
 * Failures a test arms for the next N calls of an API: an errcode answered instead of the real work,
 * or a delay followed by WeChat's timeout. Armed failures are used in order; `api` '*' matches any.
 */
import type { InjectedFailure } from './openapi.types'

interface Armed {
  api: string
  failure: InjectedFailure
  left: number
}

export class FailureInjector {
  private readonly armed: Armed[] = []

  inject(api: string, failure: InjectedFailure): void {
    const times = failure.times ?? 1
    if (!(times > 0)) throw new Error(`inject: times must be positive, got ${times}`)
    this.armed.push({ api, failure, left: times })
  }

  /** The failure for this call of `api` (any of its names), counting it; undefined when none is armed. */
  take(names: readonly string[]): InjectedFailure | undefined {
    const index = this.armed.findIndex((a) => a.api === '*' || names.includes(a.api))
    const hit = this.armed[index]
    if (!hit) return undefined
    hit.left -= 1
    if (hit.left <= 0) this.armed.splice(index, 1)
    return hit.failure
  }
}
