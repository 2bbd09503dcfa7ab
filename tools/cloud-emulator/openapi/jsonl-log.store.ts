/**
 * An append-only JSON-lines file: what WeChat would keep (sent messages, subscription grants, media
 * checks) survives an emulator restart. Same format as the local host's outbox
 * (cloudfunctions/_shared/adapters/local-messenger.ts): one JSON object a line.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'

export class JsonlLog<T> {
  constructor(private readonly file: string) {}

  /** Every entry written so far, oldest first; a torn last line (a crash mid-write) is skipped. */
  read(): T[] {
    if (!existsSync(this.file)) return []
    const out: T[] = []
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      try {
        out.push(JSON.parse(line) as T)
      } catch {
        // Only the last line can be torn; the entries before it still count.
      }
    }
    return out
  }

  append(entry: T): void {
    mkdirSync(dirname(this.file), { recursive: true })
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`)
  }
}
