/**
 * better-sqlite3 has one connection and synchronous calls, but the Store port is async. Between two
 * awaits of one transaction another request could run on the same connection and see (or commit)
 * half of it. Every operation therefore takes this lock; a transaction holds it from BEGIN to COMMIT.
 */
export class SqliteLock {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(fn, fn)
    // The next caller waits for this one whether it succeeded or not.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}
