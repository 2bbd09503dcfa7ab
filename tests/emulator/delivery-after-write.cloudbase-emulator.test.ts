/**
 * The delivery right after a write, as the production entry runs it (runtime/cloud-entry.ts), on the
 * CloudBase adapter over the emulator, counting its requests: a write that queued a message has it
 * delivered before it answers; one that queued none (a ballot) asks nothing of the outbox, nor, for
 * its answer, anything the open deliberation already holds.
 */
import { deliberationFunction } from '../../cloudfunctions/deliberation/deliberation.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { deliverMessages } from '../../cloudfunctions/_shared/notify/deliver'
import { TEMPLATE_OF_KIND } from '../../cloudfunctions/_shared/notify/templates'
import { AFTER_CHANGE_BUDGET_MS } from '../../cloudfunctions/_shared/runtime/budgets'
import { useEmulatorDatabase } from './emulator.fixture'
import { emulatorDemoDeps } from './emulator-deps'
import { CONVENER, MEMBER, aFreeTopicOpen } from '../support/demo'
import type { TestDeps } from '../support/test-deps'

const deliberation = deliberationFunction as FunctionDef
const cloud = useEmulatorDatabase('delivery-after-write')

let deps: TestDeps
beforeEach(async () => {
  deps = await emulatorDemoDeps(cloud)
})

/** What the production entry passes to handle. */
const afterWrite = () => deliverMessages({ deps, now: deps.clock.now(), requestId: 'after-change', deadline: Date.now() + AFTER_CHANGE_BUDGET_MS })

const callAs = (openid: string, event: Record<string, unknown>) => handle(deliberation, event, { kind: 'user', openid }, deps, { afterWrite })

/** The collections the requests of `run` went to, in order. */
async function collectionsOf(run: () => Promise<unknown>): Promise<string[]> {
  const from = cloud.emulator.requestCount()
  await run()
  return cloud.emulator.requests().slice(from).map((r) => r.collection ?? r.action)
}

async function openOne(): Promise<string> {
  const reply = await callAs(CONVENER, aFreeTopicOpen(deps.clock.now()))
  if (!reply.ok) throw new Error(reply.error.message)
  return (reply.data as { deliberationId: string }).deliberationId
}

test('an opening queues the invitations and they are delivered before it answers', async () => {
  const templateId = deps.templates[TEMPLATE_OF_KIND.deliberation_invited!]
  await deps.store.credits.grant(MEMBER, templateId, 2)
  const collections = await collectionsOf(openOne)
  // She had allowed the invitation: it went out as a subscription message within the opening's call.
  expect(deps.messenger.sent.map((m) => m.openid)).toEqual([MEMBER])
  const invitations = (await deps.store.messages.all(1000)).filter((m) => m.kind === 'deliberation_invited')
  expect(invitations.length).toBeGreaterThan(1)
  expect(invitations.filter((m) => m.status === 'pending')).toEqual([])
  expect(collections).toContain('messages')
}, 60_000)

test('a ballot queues nothing and asks nothing of the outbox', async () => {
  const id = await openOne()
  const collections = await collectionsOf(async () => {
    const reply = await callAs(MEMBER, { action: 'vote', deliberationId: id, choices: [0] })
    expect(reply.ok).toBe(true)
  })
  expect(collections).not.toContain('messages')
  expect(collections).toContain('ballots')
  // Nor of the org (the name is kept on the open deliberation) or the council's groups (a member's answer
  // does not say): the write limit, her roles, and the transaction of the ballot, no more.
  expect(collections).not.toContain('orgs')
  expect(collections).not.toContain('council_groups')
  expect(collections.length).toBeLessThanOrEqual(8)
}, 60_000)
