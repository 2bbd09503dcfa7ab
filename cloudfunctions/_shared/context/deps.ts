/** What an action may touch: ports only, so the same code runs locally and in the cloud. */
import type { Clock } from '../ports/clock.port'
import type { Ids } from '../ports/ids.port'
import type { Logger } from '../ports/logger.port'
import type { Store } from '../ports/store.port'
import type { RateLimiter } from '../ports/rate-limiter.port'
import type { ContentGuard } from '../ports/content-guard.port'
import type { Cipher } from '../ports/cipher.port'
import type { Messenger } from '../ports/messenger.port'
import type { GroupResolver } from '../ports/group-resolver.port'
import type { Files } from '../ports/files.port'
import type { MediaGuard } from '../ports/media-guard.port'
import type { ShareCards } from '../ports/share-cards.port'
import type { TemplateIds } from '../notify/templates'
import type { Person } from '../domain/actor.types'

export interface Deps {
  store: Store
  clock: Clock
  ids: Ids
  log: Logger
  contentGuard: ContentGuard
  cipher: Cipher
  messenger: Messenger
  /** This environment's subscription template ids. */
  templates: TemplateIds
  /** A council's WeChat group chat from the app's group ticket. */
  groups: GroupResolver
  /** Case photos in private storage: upload folders, which ids a report may name, view URLs. */
  files: Files
  /** Starts the content check of a report's photos (production: mediaCheckAsync; local: none). */
  mediaGuard: MediaGuard
  /** The deliberation's updatable card in the group chat (production: updatableMessage; local: a record). */
  shareCards: ShareCards
  /** Per-person limit on writes; absent in unit tests that are not about it. */
  writeLimiter?: RateLimiter
}

interface RequestContext {
  /** "Now" for this request or run, read once so every rule in it sees the same instant. */
  now: string
  requestId: string
  deps: Deps
}

export interface ActionContext extends RequestContext {
  /** The caller, as the platform identified her. */
  openid: string
  /**
   * Who she is: her role bindings, read from `deps.store` once per request, when first asked. Never
   * inside a transaction: there the reads go through `tx`.
   */
  person(): Promise<Person>
}

export interface JobContext extends RequestContext {
  /** Epoch ms after which a job must stop and leave the rest to the next trigger. */
  deadline: number
}
