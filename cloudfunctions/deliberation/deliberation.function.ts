/**
 * `deliberation` (议事协商): a village council opens a micro-deliberation on a case or a free topic,
 * members vote (the convener may record a ballot agreed by phone), discuss, and it closes by hand or
 * at the deadline; the council's WeChat group can be bound so a member arriving from it lands on the
 * open deliberation. Timers: close what is due, and the one reminder to those who have not voted.
 */
import type { DeliberationSummary } from '../../types/deliberation.contract'
import { visibilityOf } from '../_shared/domain/case.access'
import { canComment, canOpen, canRead, isElector, manages } from '../_shared/domain/deliberation.access'
import type { CaseFacts, DeliberationCommand } from '../_shared/domain/deliberation.commands'
import { shareTitleOf } from '../_shared/domain/deliberation.view'
import { loadPerson } from '../_shared/cases/load-person'
import { councilChain, electorateOf, orgNameOf } from '../_shared/deliberations/council-reads'
import { changeDeliberation, openDeliberation } from '../_shared/deliberations/deliberation.service'
import { loadReadable, readDetail } from '../_shared/deliberations/deliberation-reads'
import { toSummary } from '../_shared/deliberations/deliberation-view'
import { defineFunction } from '../_shared/handler/define-function'
import { conflict, contentRejected, forbidden, invalidInput, notFound } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import type { Person } from '../_shared/domain/actor.types'
import type { GroupTicket } from '../_shared/ports/group-resolver.port'
import type { Repositories } from '../_shared/ports/store.port'
import { closeDueDeliberations } from './close.job'
import { remindNonVoters } from './remind.job'

const LIST_SIZE = 100
const STALE_TICKET = '群聊信息已失效，请在议事会微信群中重新打开小程序后再试'

async function checkText(ctx: ActionContext, text: string) {
  if ((await ctx.deps.contentGuard.check(text, { openid: ctx.openid })) === 'risky') throw contentRejected()
}

/** The case as the opener sees it; one she may not see is not found, as everywhere for cases. */
async function caseFacts(ctx: ActionContext, actor: Person, caseId: string): Promise<CaseFacts> {
  const stored = await ctx.deps.store.cases.get(caseId)
  if (!stored || visibilityOf(actor, stored.state) === 'none') throw notFound('没有找到这条反映')
  const { state } = stored
  return {
    caseId,
    holderOrgId: state.holderOrgId,
    status: state.status,
    category: state.category,
    title: state.title,
    content: state.content,
  }
}

async function nameOf(ctx: ActionContext, fallback: string): Promise<string> {
  return (await ctx.deps.store.people.getUser(ctx.openid))?.name ?? fallback
}

async function groupOf(ctx: ActionContext, ticket: GroupTicket): Promise<string> {
  const openGId = await ctx.deps.groups.openGId(ticket, { openid: ctx.openid })
  if (!openGId) throw invalidInput(STALE_TICKET)
  return openGId
}

/** Runs one command on a deliberation and answers it as the caller now sees it. */
async function act(
  ctx: ActionContext,
  deliberationId: string,
  build: (actor: Person, tx: Repositories) => Promise<DeliberationCommand> | DeliberationCommand,
  known?: Person,
  reply: { withBallots: boolean } = { withBallots: true },
) {
  const actor = known ?? (await loadPerson(ctx.deps.store, ctx.openid))
  await changeDeliberation(ctx.deps, deliberationId, (_state, tx) => build(actor, tx))
  return { deliberation: await readDetail(ctx.deps.store, deliberationId, actor, ctx.now, reply) }
}

/**
 * A ballot's reply carries her ballot and the counts, not the audit list and the roll: those read
 * every ballot (O(members) per vote); the page fetches them with `get` when it shows them.
 */
const BALLOT_REPLY = { withBallots: false }

export const deliberationFunction = defineFunction(
  'deliberation',
  {
    open: async (ctx, input) => {
      const { deps, openid, now } = ctx
      const actor = await loadPerson(deps.store, openid)
      if (!canOpen(actor, input.orgId)) throw forbidden('只有本村（社区）议事会主任或妇联干部可以发起议事')
      const chain = await councilChain(deps.store, input.orgId)
      await checkText(ctx, [input.title, input.background, ...input.options].join('\n'))
      const facts = input.caseId ? await caseFacts(ctx, actor, input.caseId) : undefined
      const deliberationId = deps.ids.next('dlb')
      await openDeliberation(deps, {
        type: 'OpenDeliberation',
        at: now,
        actor,
        deliberationId,
        orgId: input.orgId,
        chain,
        ...(facts && { case: facts }),
        title: input.title,
        background: input.background,
        options: input.options,
        multiple: input.multiple ?? false,
        anonymous: input.anonymous ?? false,
        closesAt: input.closesAt,
        ...(input.quorum !== undefined && { quorum: input.quorum }),
        ...(input.passRatio !== undefined && { passRatio: input.passRatio }),
        ...(input.remindHoursBefore !== undefined && { remindHoursBefore: input.remindHoursBefore }),
        electorate: await electorateOf(deps.store, input.orgId),
      })
      return { deliberationId }
    },

    get: async ({ deps, openid, now }, { deliberationId }) => {
      const viewer = await loadPerson(deps.store, openid)
      return { deliberation: await readDetail(deps.store, deliberationId, viewer, now) }
    },

    vote: (ctx, { deliberationId, choices }) =>
      act(ctx, deliberationId, async (actor, tx) => ({
        type: 'CastBallot',
        at: ctx.now,
        actor,
        choices,
        current: await tx.ballots.get(deliberationId, ctx.openid),
      }), undefined, BALLOT_REPLY),

    proxyVote: async (ctx, { deliberationId, memberOpenid, choices, note }) => {
      const actorName = await nameOf(ctx, '议事会主任')
      return act(ctx, deliberationId, async (actor, tx) => ({
        type: 'CastProxyBallot',
        at: ctx.now,
        actor,
        memberOpenid,
        choices,
        note,
        actorName,
        current: await tx.ballots.get(deliberationId, memberOpenid),
      }))
    },

    comment: async (ctx, { deliberationId, text }) => {
      const actor = await loadPerson(ctx.deps.store, ctx.openid)
      // Who she is before what she wrote: a stranger's text is not worth a content check.
      const state = await loadReadable(ctx.deps.store, deliberationId, actor)
      if (!canComment(actor, state)) throw forbidden('只有本议事会成员和妇联干部可以发表意见')
      await checkText(ctx, text)
      const actorName = await nameOf(ctx, '议事会成员')
      const commentId = ctx.deps.ids.next('cmt')
      return act(ctx, deliberationId, () => ({ type: 'PostComment', at: ctx.now, actor, commentId, text, actorName }), actor)
    },

    close: (ctx, { deliberationId }) =>
      act(ctx, deliberationId, (actor) => ({ type: 'CloseDeliberation', at: ctx.now, actor })),

    list: async ({ deps, openid }, { orgId, status }) => {
      const actor = await loadPerson(deps.store, openid)
      let orgIds: string[]
      if (orgId) {
        if (!canRead(actor, { orgId, chain: await councilChain(deps.store, orgId) })) {
          throw forbidden('该议事会的议事仅对本议事会成员和妇联干部开放')
        }
        orgIds = [orgId]
      } else {
        orgIds = [...new Set(actor.roles.filter((b) => b.role !== 'admin').map((b) => b.orgId))]
      }
      const states = await deps.store.deliberations.ofOrgs(orgIds, status, LIST_SIZE)
      const names = new Map<string, string>()
      const items: DeliberationSummary[] = []
      for (const state of states) {
        if (!names.has(state.orgId)) names.set(state.orgId, await orgNameOf(deps.store, state.orgId))
        const voted = isElector(state, openid) && (await deps.store.ballots.get(state.id, openid)) !== null
        items.push(toSummary(state, names.get(state.orgId) ?? '', voted))
      }
      return { items }
    },

    bindGroup: async (ctx, { orgId, cloudID, localGroupId }) => {
      const { deps, openid, now } = ctx
      const actor = await loadPerson(deps.store, openid)
      if (!manages(actor, { orgId })) throw forbidden('只有议事会主任或妇联干部可以绑定议事会微信群')
      await councilChain(deps.store, orgId)
      const openGId = await groupOf(ctx, { ...(cloudID && { cloudID }), ...(localGroupId && { localGroupId }) })
      await deps.store.transaction(async (tx) => {
        const bound = await tx.councilGroups.get(openGId)
        // A group speaks for one council: rebinding it elsewhere would send its members to another village.
        if (bound && bound.orgId !== orgId) throw conflict('该微信群已绑定其他议事会')
        await tx.councilGroups.put({ openGId, orgId, boundBy: openid, boundAt: now })
      })
      return { orgId, orgName: await orgNameOf(deps.store, orgId), groupBound: true as const }
    },

    resolveGroup: async (ctx, { orgId: givenOrgId, cloudID, localGroupId }) => {
      const { deps, openid } = ctx
      const actor = await loadPerson(deps.store, openid)
      let orgId = givenOrgId
      if (cloudID || localGroupId) {
        const openGId = await groupOf(ctx, { ...(cloudID && { cloudID }), ...(localGroupId && { localGroupId }) })
        const group = await deps.store.councilGroups.get(openGId)
        if (!group) throw notFound('该微信群还没有绑定议事会')
        orgId = group.orgId
      }
      if (!orgId) throw invalidInput('缺少群聊信息')
      const chain = await councilChain(deps.store, orgId)
      if (!canRead(actor, { orgId, chain })) throw forbidden('该议事会的议事仅对本议事会成员开放')
      const [latest] = await deps.store.deliberations.ofOrgs([orgId], 'open', 1)
      return {
        orgId,
        orgName: await orgNameOf(deps.store, orgId),
        deliberationId: latest?.id ?? null,
        ...(latest && { shareTitle: shareTitleOf(latest) }),
      }
    },
  },
  // Close first: a deliberation both due to close and owed a reminder needs only its result.
  { close: (ctx) => closeDueDeliberations(ctx), remind: (ctx) => remindNonVoters(ctx) },
)
