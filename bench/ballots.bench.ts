/**
 * ballots_per_s: one deliberation of one council on the big dataset, every ballot through the real
 * `deliberation.vote` handler in process, all fired at once: each member votes, then changes her
 * ballot again and again (10^4 ballots: 100 members × 100). The per-person write limit (30 a minute,
 * an abuse guard in front of every action, not part of the ballot path) is left out, as in the tests:
 * no council is big enough to cast 10^4 ballots within it. The tally must be exact at the end: the
 * deliberation's counts (kept by each ballot's transaction, never rebuilt) equal a recount of the
 * stored ballots; one ballot per member; every change counted (Σ changes = ballots − members).
 */
import { deliberationFunction } from '../cloudfunctions/deliberation/deliberation.function'
import { handle } from '../cloudfunctions/_shared/handler/handle'
import type { FunctionDef } from '../cloudfunctions/_shared/handler/define-function'
import { bindRole } from '../cloudfunctions/_shared/orgs/onboarding.service'
import type { Dataset } from './dataset'
import { benchDeps, figure, note, timed } from './support'

const deliberation = deliberationFunction as FunctionDef
const OPTIONS = ['同意', '不同意', '暂缓，再议']

export async function ballotFigures(dataset: Dataset, ballots: number): Promise<string[]> {
  const { writeLimiter: _guard, ...deps } = benchDeps(dataset.file, dataset.now)
  try {
    // A council of √n members casting √n ballots each: 100 × 100 for 10^4, 10 × 10 in QUICK.
    const perMember = Math.max(1, Math.round(Math.sqrt(ballots)))
    const members = Math.ceil(ballots / perMember)
    // A council of its own in an existing village: the village's convener opens it.
    const { villageId } = dataset.idleResident(0)
    const [convener] = dataset.councilOf(villageId) as [string]
    const voters = Array.from({ length: members }, (_, i) => `bench-voter-${villageId}-${i}`)
    await deps.store.transaction(async (tx) => {
      for (const openid of voters) {
        await tx.people.putUser({ openid, name: `议事会成员${openid.slice(-3)}`, homeOrgId: villageId, publicPhone: null })
        await bindRole(tx, { openid, role: 'member', orgId: villageId })
      }
    })
    const call = async (openid: string, event: Record<string, unknown>) => {
      const reply = await handle(deliberation, event, { kind: 'user', openid }, deps)
      if (!reply.ok) throw new Error(`deliberation.${String(event.action)}: ${reply.error.code} ${reply.error.message}`)
      return reply.data as any
    }
    const closesAt = new Date(Date.parse(dataset.now) + 7 * 86_400_000).toISOString()
    const { deliberationId } = await call(convener, {
      action: 'open',
      orgId: villageId,
      title: '村口路灯由谁出资维修',
      background: '村口到小学的路灯坏了两个月，维修需要约三千元，请议事会表决出资方式。',
      options: OPTIONS,
      closesAt,
    })

    // Every ballot at once; a member's k-th ballot picks option (i + k) mod 3, her last one wins.
    const all: Promise<unknown>[] = []
    const { ms } = await timed(async () => {
      for (let k = 0; k < perMember; k++) {
        // Nothing of the answer is kept: 10^4 answers in flight at once would be the bench's memory, not the host's.
        voters.forEach((openid, i) =>
          all.push(call(openid, { action: 'vote', deliberationId, choices: [(i + k) % OPTIONS.length] }).then(() => undefined)),
        )
      }
      await Promise.all(all)
    })
    const cast = all.length

    const stored = await deps.store.deliberations.get(deliberationId)
    const roll = await deps.store.ballots.of(deliberationId)
    const recount = OPTIONS.map((_, option) => roll.filter((b) => b.choices.includes(option)).length)
    const counts = stored?.state.counts ?? []
    const changes = roll.reduce((sum, b) => sum + b.changes, 0)
    if (
      JSON.stringify(counts) !== JSON.stringify(recount) ||
      stored?.state.ballotCount !== members ||
      roll.length !== members ||
      changes !== cast - members
    ) {
      throw new Error(
        `tally not exact: counts ${JSON.stringify(counts)}, recount ${JSON.stringify(recount)}, ballotCount ${stored?.state.ballotCount}, ` +
          `${roll.length} ballots for ${members} members, ${changes} changes for ${cast - members}`,
      )
    }
    note(`ballots: ${cast} by ${members} members in ${(ms / 1000).toFixed(1)} s; counts ${JSON.stringify(counts)} = recount`)
    return [figure('ballots_per_s', Math.round(cast / (ms / 1000)), 'ballots/s')]
  } finally {
    await deps.store.close()
  }
}
