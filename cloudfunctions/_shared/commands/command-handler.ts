/**
 * The one save path of every aggregate (a case, a deliberation): load → decide on the current state →
 * fold → persist it with everything the change writes besides (counters, outbox rows, audit lines …)
 * in one transaction → on a version conflict (someone else wrote it between our read and our write),
 * decide again on the fresh state. Actions, timer jobs and pushes all change aggregates through here.
 */
import type { Decider } from '../domain/decider'
import type { Deps } from '../context/deps'
import { AppFailure, notFound } from '../context/failures'
import { VersionConflict, type Repositories, type Stored } from '../ports/store.port'

export interface Change<S, C, E> {
  /** The state before the command; null for one just created. */
  before: S | null
  state: S
  events: E[]
  command: C
  /** The version this change wrote (the stored version after it). */
  version: number
}

/** How one kind of aggregate is decided, stored and followed by its other writes. */
export interface Aggregate<S, C, E> {
  decider: Decider<S, C, E>
  load(tx: Repositories, id: string): Promise<Stored<S> | null>
  /** Writes a new one; `created: false` when the key was already used (a resend): then `id` is its. */
  insert(tx: Repositories, state: S, events: E[], key?: string): Promise<{ created: boolean; id: string }>
  save(tx: Repositories, state: S, expectedVersion: number, events: E[]): Promise<void>
  /**
   * What else the change writes in its transaction. It may answer a follow-up command (the system's),
   * decided on the new state and saved with it, its own effects included.
   */
  effects(tx: Repositories, deps: Deps, change: Change<S, C, E>): Promise<C | void>
  /** One the person may not even see is not found: a refusal must not confirm that an id is real. */
  hiddenFrom(command: C, state: S): boolean
  /** Rounds against version conflicts before the person is asked to try again. */
  attempts: number
  messages: { notFound: string; busy: string }
}

const refused = (error: { code: AppFailure['code']; message: string; reason?: AppFailure['reason'] }) =>
  new AppFailure(error.code, error.message, undefined, error.reason)

function fold<S, C, E>(aggregate: Aggregate<S, C, E>, state: S | null, events: E[]): S {
  return events.reduce<S | null>((s, e) => aggregate.decider.evolve(s, e), state) as S
}

async function retried<T>(aggregate: Aggregate<unknown, unknown, unknown>, attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await attempt()
    } catch (error) {
      if (error instanceof VersionConflict && round < aggregate.attempts) continue
      if (error instanceof VersionConflict) throw new AppFailure('CONFLICT', aggregate.messages.busy, undefined, 'BUSY')
      throw error
    }
  }
}

/** Decides a command on `before`, folds it, runs its effects and any follow-up; nothing is saved yet. */
async function decided<S, C, E>(
  tx: Repositories,
  deps: Deps,
  aggregate: Aggregate<S, C, E>,
  before: S | null,
  command: C,
  version: number,
): Promise<Change<S, C, E>> {
  const decision = aggregate.decider.decide(command, before)
  if (!decision.ok) throw refused(decision.error)
  const change: Change<S, C, E> = { before, state: fold(aggregate, before, decision.events), events: decision.events, command, version }
  if (decision.events.length === 0) return change
  const followUp = await aggregate.effects(tx, deps, change)
  if (!followUp) return change
  const next = await decided(tx, deps, aggregate, change.state, followUp, version)
  return { before, state: next.state, events: [...change.events, ...next.events], command, version }
}

/** The stored aggregate and the command built on it; not found for one she may not even see. */
async function commanded<S, C, E>(
  aggregate: Aggregate<S, C, E>,
  repos: Repositories,
  id: string,
  build: (state: S, repos: Repositories) => C | Promise<C>,
) {
  const stored = await aggregate.load(repos, id)
  if (!stored) throw notFound(aggregate.messages.notFound)
  const command = await build(stored.state, repos)
  if (aggregate.hiddenFrom(command, stored.state)) throw notFound(aggregate.messages.notFound)
  return { stored, command }
}

/**
 * Applies a command built from the current state (and whatever else the builder reads in the same
 * transaction), inside a transaction the caller holds: another aggregate's change and this one commit
 * together. The caller retries on VersionConflict. A command that decides nothing writes nothing.
 */
export async function changeIn<S, C, E>(
  tx: Repositories,
  deps: Deps,
  aggregate: Aggregate<S, C, E>,
  id: string,
  build: (state: S, tx: Repositories) => NoInfer<C> | Promise<NoInfer<C>>,
): Promise<Change<S, C, E>> {
  const { stored, command } = await commanded(aggregate, tx, id, build)
  const change = await decided(tx, deps, aggregate, stored.state, command, stored.version + 1)
  if (change.events.length === 0) return { ...change, version: stored.version }
  await aggregate.save(tx, change.state, stored.version, change.events)
  return change
}

/** The same in a transaction of its own, decided again on a version conflict. */
export function change<S, C, E>(
  deps: Deps,
  aggregate: Aggregate<S, C, E>,
  id: string,
  build: (state: S, tx: Repositories) => NoInfer<C> | Promise<NoInfer<C>>,
): Promise<Change<S, C, E>> {
  return retried(aggregate, () => deps.store.transaction((tx) => changeIn(tx, deps, aggregate, id, build)))
}

/**
 * Several changes in one transaction of their own (each with changeIn), all decided again on a version
 * conflict: e.g. a merge, which closes one case and adds to another.
 */
export function changeTogether<T>(deps: Deps, aggregate: Aggregate<unknown, unknown, unknown>, work: (tx: Repositories) => Promise<T>): Promise<T> {
  return retried(aggregate, () => deps.store.transaction(work))
}

/**
 * Creates an aggregate by a command on nothing. With an idempotency `key` already used, nothing is
 * written and the answer names the existing one (`created: false`). `alongside` writes what belongs to
 * this one command (not to its events) in the same transaction, e.g. a report's contact.
 */
export function create<S, C, E>(
  deps: Deps,
  aggregate: Aggregate<S, C, E>,
  command: NoInfer<C>,
  options: { key?: string; alongside?: (tx: Repositories, change: Change<S, C, E>) => Promise<void> } = {},
): Promise<Created<S, C, E>> {
  return retried(aggregate, () =>
    deps.store.transaction<Created<S, C, E>>(async (tx) => {
      const change = await decided(tx, deps, aggregate, null, command, 1)
      const inserted = await aggregate.insert(tx, change.state, change.events, options.key)
      // A resend that lost the race to its first send: what the decision would have written is not.
      if (!inserted.created) throw new KeyAlreadyUsed(inserted.id)
      await options.alongside?.(tx, change)
      return { created: true, id: inserted.id, change }
    }),
  ).catch((error: unknown) => {
    if (error instanceof KeyAlreadyUsed) return { created: false, id: error.id }
    throw error
  })
}

export type Created<S, C, E> = { created: true; id: string; change: Change<S, C, E> } | { created: false; id: string }

/** Rolls back the effects a creation already wrote in its transaction when its key was taken. */
class KeyAlreadyUsed extends Error {
  constructor(readonly id: string) {
    super('idempotency key already used')
  }
}

/**
 * Checks a command as the real change would, on the state read outside any transaction, before paying
 * for anything slow (WeChat's content check). The change decides again on the state it writes.
 */
export async function preview<S, C, E>(
  deps: Deps,
  aggregate: Aggregate<S, C, E>,
  id: string,
  build: (state: S, repos: Repositories) => NoInfer<C> | Promise<NoInfer<C>>,
): Promise<void> {
  const { stored, command } = await commanded(aggregate, deps.store, id, build)
  const decision = aggregate.decider.decide(command, stored.state)
  if (!decision.ok) throw refused(decision.error)
}
