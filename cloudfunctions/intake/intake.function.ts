/**
 * `intake`: a woman reports a problem, an appeal or a suggestion to her village council, follows
 * it, rates it when it is resolved, or withdraws it before. Her photos are checked after the report
 * is saved; a photo WeChat's verdict rejects is hidden when the verdict is pushed here.
 */
import { chainFrom } from '../_shared/domain/org-ladder'
import { decide, evolve } from '../_shared/domain/case.decider'
import type { CaseState } from '../_shared/domain/case.state'
import { holderRole } from '../_shared/domain/case.access'
import { defineFunction } from '../_shared/handler/define-function'
import { AppFailure, contentRejected, invalidInput, notFound, rateLimited } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import { loadPerson } from '../_shared/cases/load-person'
import { changeCase } from '../_shared/cases/case.service'
import { caseMessages } from '../_shared/cases/case-messages'
import { readCaseDetail } from '../_shared/cases/case-reads'
import { countCaseChange } from '../_shared/stats/counters.service'
import { orgNamesFor, toSummary } from '../_shared/cases/case-view'
import { maskPhone } from '../_shared/adapters/aes-gcm.cipher'
import { purgeContacts } from './purge-contacts.job'
import { startPhotoChecks } from './photo-check.start'
import { mediaVerdictPush } from './media-verdict.push'
import { caseAuditEntries } from '../_shared/audit/case-audit'
import type { OrgRecord } from '../_shared/ports/store.port'

/** Enough for a real need (several problems in a bad week), too few for flooding a council. */
export const SUBMIT_LIMITS = [
  { withinHours: 1, max: 5 },
  { withinHours: 24, max: 20 },
] as const

async function checkRate(ctx: ActionContext) {
  const recent = await ctx.deps.store.cases.reportedBy(ctx.openid, 25)
  const nowMs = Date.parse(ctx.now)
  for (const { withinHours, max } of SUBMIT_LIMITS) {
    const since = nowMs - withinHours * 3_600_000
    if (recent.filter((c) => Date.parse(c.submittedAt) > since).length >= max) {
      throw rateLimited(`${withinHours === 1 ? '一小时' : '一天'}内最多提交 ${max} 条反映，请稍后再试`)
    }
  }
}

async function villageChain(ctx: ActionContext, villageId: string) {
  const orgs = new Map<string, OrgRecord>()
  for (let id: string | null = villageId; id && !orgs.has(id); ) {
    const org: OrgRecord | null = await ctx.deps.store.orgs.get(id)
    if (!org) break
    orgs.set(id, org)
    id = org.parentId
  }
  const chain = chainFrom(orgs, villageId)
  if (!chain.ok) {
    throw chain.error.code === 'INVALID_INPUT'
      ? invalidInput('请选择具体的村或社区', [{ path: 'villageId', message: '请选择具体的村或社区' }])
      : notFound('没有找到所选的村（社区），请重新选择')
  }
  return chain.chain
}

const checkedReport = (state: CaseState) => ({ caseId: state.id, photos: state.photos, reporterOpenid: state.reporter.openid })

/** What a report's sender is answered, first time or resent: where it is and its deadlines. */
const submitted = (state: CaseState, created: boolean) => ({
  caseId: state.id,
  status: 'pending' as const,
  level: 'village' as const,
  holderOrgId: state.chain.village,
  acceptBy: state.acceptBy,
  resolveBy: state.resolveBy,
  created,
})

/**
 * The answer to a resend of a report already received (its clientRequestId is the idempotency key):
 * its case, `created: false`; null for a report never received. The handler asks before the write
 * limit, so a resend gets its case back whatever the limits say now; submit asks again, for a first
 * send that finished while this one waited. It starts the photo checks the first send may have left.
 */
async function resentReport(ctx: ActionContext, input: { clientRequestId: string }) {
  const { deps, openid } = ctx
  const resent = await deps.store.cases.byRequest(openid, input.clientRequestId)
  const previous = resent ? (await deps.store.cases.get(resent))?.state : undefined
  if (!previous) return null
  await startPhotoChecks(deps, checkedReport(previous), ctx)
  return submitted(previous, false)
}

export const intakeFunction = defineFunction('intake', {
  submit: async (ctx, input) => {
    const { deps, openid, now } = ctx
    const previous = await resentReport(ctx, input)
    if (previous) return previous
    for (const photo of input.photos ?? []) {
      // Storage is private and shared by everyone: a report may name only photos its reporter uploaded.
      if (!(await deps.files.acceptable(photo, openid))) {
        throw invalidInput('照片无效，请重新上传', [{ path: 'photos', message: '照片无效，请重新上传' }])
      }
    }
    const verdict = await deps.contentGuard.check(`${input.title}\n${input.content}\n${input.address ?? ''}`, { openid })
    if (verdict === 'risky') throw contentRejected()
    await checkRate(ctx)
    const chain = await villageChain(ctx, input.villageId)
    const actor = await loadPerson(deps.store, openid)

    const caseId = deps.ids.next('case')
    const decision = decide(
      {
        type: 'SubmitCase',
        at: now,
        actor,
        caseId,
        kind: input.kind,
        category: input.category,
        title: input.title,
        content: input.content,
        villageId: input.villageId,
        chain,
        reporterOpenid: openid,
        anonymous: input.anonymous,
        ...(input.photos && { photos: input.photos }),
        ...(input.onBehalfOf && { onBehalf: true }),
      },
      null,
    )
    if (!decision.ok) throw new AppFailure(decision.error.code, decision.error.message)
    const state = decision.events.reduce<CaseState | null>(evolve, null) as CaseState

    const stored = await deps.store.transaction(async (tx) => {
      const result = await tx.cases.create(state, decision.events, input.clientRequestId)
      if (!result.created) return result
      await countCaseChange(tx, decision.events, null, state)
      if (input.phone || input.address || input.onBehalfOf) {
        const resident = input.onBehalfOf
        await tx.contacts.put({
          caseId,
          ...(input.phone && { phoneCipher: deps.cipher.encrypt(input.phone) }),
          ...(input.address && { addressCipher: deps.cipher.encrypt(input.address) }),
          ...(resident && { residentNameCipher: deps.cipher.encrypt(resident.name) }),
          ...(resident?.phone && { residentPhoneCipher: deps.cipher.encrypt(resident.phone) }),
          createdAt: now,
        })
      }
      await tx.audit.add(caseAuditEntries(deps.ids, decision.events, state))
      await tx.messages.add(await caseMessages(tx, deps.ids, decision.events, state, 1, now))
      return result
    })
    const saved = stored.created ? state : (await deps.store.cases.get(stored.id))?.state
    if (!saved) throw notFound('没有找到这条反映')
    // The report is saved whatever happens to its photos' checks (a failure to start one is logged).
    await startPhotoChecks(deps, checkedReport(saved), ctx)
    return submitted(saved, stored.created)
  },

  photoFolder: async ({ deps, openid }) => ({ folder: deps.files.uploadFolder(openid) }),

  mine: async ({ deps, openid, now }) => {
    const viewer = { openid, roles: [] }
    const states = await deps.store.cases.reportedBy(openid, 200)
    const names = await orgNamesFor(deps.store, states)
    return { items: states.flatMap((state) => toSummary(state, viewer, now, names) ?? []) }
  },

  get: async ({ deps, openid, now }, { caseId }) => {
    const viewer = await loadPerson(deps.store, openid)
    const stored = await deps.store.cases.get(caseId)
    // Contact details go only to those who handle the case, and never for an anonymous report.
    const handles = stored !== null && !stored.state.reporter.anonymous && holderRole(viewer, stored.state) !== null
    const contact = handles ? await deps.store.contacts.get(caseId) : null
    return {
      case: await readCaseDetail(deps.store, deps.files, caseId, viewer, now, {
        ...(contact?.phoneCipher && { phone: maskPhone(deps.cipher.decrypt(contact.phoneCipher)) }),
        // Shown in full to those who handle the case, as before; stored encrypted (plain only in old records).
        ...(contact?.addressCipher ? { address: deps.cipher.decrypt(contact.addressCipher) } : contact?.address && { address: contact.address }),
        ...(contact?.residentNameCipher && {
          onBehalfOf: {
            name: deps.cipher.decrypt(contact.residentNameCipher),
            ...(contact.residentPhoneCipher && { phone: maskPhone(deps.cipher.decrypt(contact.residentPhoneCipher)) }),
          },
        }),
      }),
    }
  },

  rate: async (ctx, { caseId, rating, comment }) => {
    if (comment && (await ctx.deps.contentGuard.check(comment, { openid: ctx.openid })) === 'risky') {
      throw contentRejected()
    }
    const actor = await loadPerson(ctx.deps.store, ctx.openid)
    await changeCase(ctx.deps, caseId, actor, () => ({
      type: 'RateCase',
      at: ctx.now,
      actor,
      rating,
      ...(comment && { comment }),
    }))
    return { case: await readCaseDetail(ctx.deps.store, ctx.deps.files, caseId, actor, ctx.now) }
  },

  withdraw: async (ctx, { caseId, reason }) => {
    const actor = await loadPerson(ctx.deps.store, ctx.openid)
    await changeCase(ctx.deps, caseId, actor, () => ({
      type: 'WithdrawCase',
      at: ctx.now,
      actor,
      ...(reason && { reason }),
    }))
    return { case: await readCaseDetail(ctx.deps.store, ctx.deps.files, caseId, actor, ctx.now) }
  },
},
  { purgeContacts: (ctx) => purgeContacts(ctx) },
  // WeChat's verdict on a photo's content check (the console sends wxa_media_check here).
  { wxa_media_check: mediaVerdictPush },
  // A report's clientRequestId: a resend is answered before the write limit counts it.
  { submit: resentReport },
)
