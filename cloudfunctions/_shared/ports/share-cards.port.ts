/**
 * WeChat's updatable share cards (动态消息): an activity id for a card about to be shared, and the
 * card's new state once shared. Production: wx-server-sdk's updatableMessage.createActivityId and
 * setUpdatableMsg (deliberation's config.json lists both permissions); local: a record the host lists
 * at GET /__dev/cards.
 */
import type { CardUpdate } from '../domain/deliberation.card'

export interface IssuedCard {
  activityId: string
  /** When WeChat stops taking updates for it (24 hours after it was made). */
  expiresAt: string
}

export type CardUpdateResult = { ok: true } | { ok: false; code: number; message: string }

export interface ShareCards {
  /** A new activity id; throws when WeChat gave none (the person is asked to try again). */
  issue(): Promise<IssuedCard>
  /** Moves the card (setUpdatableMsg); never throws: a refusal is answered, the caller logs it. */
  update(activityId: string, update: CardUpdate): Promise<CardUpdateResult>
}
