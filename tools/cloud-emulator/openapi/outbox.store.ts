/**
 * Every subscription message the emulated WeChat accepted, appended to a JSONL file and listed like
 * LocalMessenger.list (cloudfunctions/_shared/adapters/local-messenger.ts): all, or one person's.
 */
import { JsonlLog } from './jsonl-log.store'
import type { SentMessage } from './openapi.types'

export class Outbox {
  private readonly log: JsonlLog<SentMessage>
  private readonly sent: SentMessage[]

  constructor(file: string) {
    this.log = new JsonlLog(file)
    this.sent = this.log.read()
  }

  add(message: SentMessage): void {
    this.log.append(message)
    this.sent.push(message)
  }

  list(openid?: string | null): SentMessage[] {
    return (openid ? this.sent.filter((m) => m.openid === openid) : this.sent).map((m) => ({ ...m, data: { ...m.data } }))
  }
}
