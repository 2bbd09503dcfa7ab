/**
 * Waiting on a condition instead of sleeping a fixed time: a test that sleeps either waits longer than
 * it needs or, on a busy machine, not long enough. `waitFor` asks the condition again every few
 * milliseconds until it holds, and gives up after `timeoutMs`.
 *
 * The condition holds when it returns a value other than false, null or undefined (that value is the
 * answer). A condition may also be an expectation that throws until it passes: write it as
 * `() => (expect(...), true)`; at the timeout the last error it threw is the one that fails the test.
 *
 * For "nothing happens within T" a test still waits T on purpose, and says so where it does.
 */

export interface WaitOptions {
  /** How long to keep asking (default 5 s). */
  timeoutMs?: number
  /** How long to pause between two asks (default 10 ms). */
  intervalMs?: number
  /** What is awaited, for the timeout's message (a function: what the page showed by then). */
  what?: string | (() => string)
}

export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeoutMs = 5_000, intervalMs = 10, what }: WaitOptions = {},
): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let failure: unknown = undefined
    try {
      const answer = await condition()
      if (answer !== false && answer !== null && answer !== undefined) return answer as Exclude<T, false | null | undefined>
    } catch (error) {
      failure = error
    }
    if (Date.now() >= deadline) {
      if (failure !== undefined) throw failure
      const awaited = typeof what === 'function' ? what() : (what ?? 'the condition')
      throw new Error(`waited ${timeoutMs} ms for ${awaited}`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
