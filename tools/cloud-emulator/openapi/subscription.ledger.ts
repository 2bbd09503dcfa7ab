/**
 * WeChat's own side of one-time subscriptions: each time a user taps "allow" for a template
 * (wx.requestSubscribeMessage) WeChat grants one send of that template to her; a send spends it, and
 * without one subscribeMessage.send answers 43101. Kept as grant/spend events in a JSONL file.
 */
import { JsonlLog } from './jsonl-log.store'

interface LedgerEvent {
  op: 'grant' | 'spend'
  openid: string
  templateId: string
  at: string
}

export class SubscriptionLedger {
  private readonly log: JsonlLog<LedgerEvent>
  private readonly balance = new Map<string, number>()

  constructor(file: string) {
    this.log = new JsonlLog(file)
    for (const event of this.log.read()) this.apply(event)
  }

  grant(openid: string, templateId: string, at: string): void {
    this.record({ op: 'grant', openid, templateId, at })
  }

  /** Spends one grant; false (and nothing spent) when she has none left. */
  spend(openid: string, templateId: string, at: string): boolean {
    if (this.credits(openid, templateId) <= 0) return false
    this.record({ op: 'spend', openid, templateId, at })
    return true
  }

  credits(openid: string, templateId: string): number {
    return this.balance.get(key(openid, templateId)) ?? 0
  }

  private record(event: LedgerEvent): void {
    this.log.append(event)
    this.apply(event)
  }

  private apply(event: LedgerEvent): void {
    const k = key(event.openid, event.templateId)
    this.balance.set(k, (this.balance.get(k) ?? 0) + (event.op === 'grant' ? 1 : -1))
  }
}

function key(openid: string, templateId: string): string {
  return `${openid}\u0000${templateId}`
}
