/**
 * The local ShareCards: there is no group chat on the local host, so a card is a record of what WeChat
 * would have been asked, kept in DATA_DIR/cards.jsonl (across restarts) and listed by GET /__dev/cards.
 * It keeps WeChat's rules that matter to the product (an id lasts 24 hours; 已结束 is final) so a test
 * on this host sees what the emulator's record says on the production path.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CardUpdate } from '../domain/deliberation.card'
import { HOUR_MS, addMs, isAtOrAfter } from '../domain/iso-time'
import type { Clock } from '../ports/clock.port'
import type { CardUpdateResult, IssuedCard, ShareCards } from '../ports/share-cards.port'

/** One card as the dev surface lists it: its last state and every update, oldest first. */
export interface CardRecord {
  activityId: string
  createdAt: string
  expiresAt: string
  targetState: number
  parameters: Record<string, string>
  updates: { at: string; targetState: number; parameters: Record<string, string> }[]
}

type Line = { type: 'issued'; activityId: string; at: string; expiresAt: string } | { type: 'updated'; activityId: string; at: string; update: CardUpdate }

const VALID_FOR_MS = 24 * HOUR_MS

export class LocalShareCards implements ShareCards {
  private readonly cards = new Map<string, CardRecord>()
  private issued = 0

  constructor(
    private readonly file: string,
    private readonly clock: Clock,
  ) {
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) this.apply(JSON.parse(line) as Line)
    }
  }

  async issue(): Promise<IssuedCard> {
    const at = this.clock.now()
    const line: Line = { type: 'issued', activityId: `local-activity-${Date.parse(at)}-${++this.issued}`, at, expiresAt: addMs(at, VALID_FOR_MS) }
    this.write(line)
    return { activityId: line.activityId, expiresAt: line.expiresAt }
  }

  async update(activityId: string, update: CardUpdate): Promise<CardUpdateResult> {
    const card = this.cards.get(activityId)
    const at = this.clock.now()
    if (!card || isAtOrAfter(at, card.expiresAt)) return { ok: false, code: 47001, message: 'invalid or expired activity_id' }
    if (card.targetState === 2) return { ok: false, code: 47001, message: 'the card has ended' }
    this.write({ type: 'updated', activityId, at, update })
    return { ok: true }
  }

  list(): CardRecord[] {
    return [...this.cards.values()]
  }

  private write(line: Line) {
    mkdirSync(dirname(this.file), { recursive: true })
    appendFileSync(this.file, `${JSON.stringify(line)}\n`)
    this.apply(line)
  }

  private apply(line: Line) {
    if (line.type === 'issued') {
      this.cards.set(line.activityId, { activityId: line.activityId, createdAt: line.at, expiresAt: line.expiresAt, targetState: 0, parameters: {}, updates: [] })
      return
    }
    const card = this.cards.get(line.activityId)
    if (!card) return
    const parameters = Object.fromEntries(line.update.parameters.map((p) => [p.name, p.value]))
    card.targetState = line.update.targetState
    card.parameters = parameters
    card.updates.push({ at: line.at, targetState: line.update.targetState, parameters })
  }
}
