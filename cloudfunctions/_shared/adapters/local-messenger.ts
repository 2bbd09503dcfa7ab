/**
 * The local Messenger: what would have gone to WeChat is appended to DATA_DIR/outbox.jsonl (kept
 * across restarts) and listed by GET /__dev/outbox.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Clock } from '../ports/clock.port'
import type { Messenger, OutgoingMessage } from '../ports/messenger.port'

export interface SentRecord extends OutgoingMessage {
  sentAt: string
}

export class LocalMessenger implements Messenger {
  private readonly sent: SentRecord[] = []

  constructor(
    private readonly file: string,
    private readonly clock: Clock,
  ) {
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) this.sent.push(JSON.parse(line) as SentRecord)
    }
  }

  async send(message: OutgoingMessage) {
    const record = { ...message, sentAt: this.clock.now() }
    mkdirSync(dirname(this.file), { recursive: true })
    appendFileSync(this.file, `${JSON.stringify(record)}\n`)
    this.sent.push(record)
    return { ok: true as const }
  }

  list(openid?: string | null): SentRecord[] {
    return openid ? this.sent.filter((m) => m.openid === openid) : [...this.sent]
  }
}
