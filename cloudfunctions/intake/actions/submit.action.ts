/**
 * `intake.submit`: a woman reports a problem, an appeal or a suggestion to her village council (or a
 * council member files for a resident). The report is saved through the one save path with its
 * contact details; its photos' checks start once it is saved, and the early warning looks at it
 * (stats/hotspot-watch.ts).
 */
import type { CaseState } from '../../_shared/domain/case.state'
import type { Chain } from '../../_shared/domain/org-ladder'
import { defineAction, type ActionInput } from '../../_shared/handler/action'
import { AppFailure, invalidInput, notFound, rateLimited } from '../../_shared/context/failures'
import type { ActionContext, Deps } from '../../_shared/context/deps'
import { caseAggregate, CASE_NOT_FOUND } from '../../_shared/commands/case.aggregate'
import { create } from '../../_shared/commands/command-handler'
import type { Repositories } from '../../_shared/ports/store.port'
import { villageLadder } from '../../_shared/orgs/org-path'
import { watchHotspots } from '../../_shared/stats/hotspot-watch'

/** Enough for a real need (several problems in a bad week), too few for flooding a council. */
export const SUBMIT_LIMITS = [
  { withinHours: 1, max: 5 },
  { withinHours: 24, max: 20 },
] as const

type SubmitInput = ActionInput<'intake', 'submit'>

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

/** The ladder of the village she picked, up to the province: the domain says what is wrong with it. */
async function villageChain(ctx: ActionContext, villageId: string): Promise<Chain> {
  const chain = await villageLadder(ctx.deps.store, villageId)
  if (!chain.ok) throw new AppFailure(chain.error.code, chain.error.message, [{ path: 'villageId', message: chain.error.message }])
  return chain.chain
}

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

/** Her phone and address (and the resident's, filed on her behalf), encrypted, beside the case. */
/**
 * Her village is remembered from her first named report until she picks one (account.setHomeVillage):
 * whose announcements and surveys reach her. Never from an anonymous report (it must stay unlinkable
 * to her) nor from one filed for someone else.
 */
async function rememberHome(tx: Repositories, openid: string, input: SubmitInput) {
  if (input.anonymous || input.onBehalfOf) return
  const user = await tx.people.getUser(openid)
  if (user?.homeOrgId) return
  await tx.people.putUser({ openid, name: user?.name ?? null, publicPhone: user?.publicPhone ?? null, homeOrgId: input.villageId })
}

async function keepContact(tx: Repositories, deps: Deps, caseId: string, input: SubmitInput, now: string) {
  if (!input.phone && !input.address && !input.onBehalfOf) return
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

/**
 * After a report is saved, the content check of each of its photos is started (deps.mediaGuard), and
 * each trace id is remembered with its case and photo, so the verdict WeChat pushes later finds the
 * photo (media-verdict.push.ts). Nothing here may lose the report: it is already saved, so every
 * failure is logged and the report answered as received. A resent report starts only the checks its
 * photos still lack (the first attempt may have died between saving and starting them).
 *
 * Logs name the case and the photo's position, never its URL (which opens it) nor the reporter.
 */
async function startPhotoChecks(deps: Deps, report: CaseState, context: { now: string; requestId: string }): Promise<void> {
  const guard = deps.mediaGuard
  if (!guard || report.photos.length === 0) return
  const caseId = report.id
  const fail = (message: string, error: unknown, photo?: number) =>
    deps.log.error(message, {
      requestId: context.requestId,
      caseId,
      ...(photo !== undefined && { photo }),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    })
  try {
    const started = new Set((await deps.store.mediaChecks.ofCase(caseId)).map((check) => check.photo))
    const due = [...new Set(report.photos)].filter((photo) => !started.has(photo))
    if (due.length === 0) return
    const urls = await deps.files.checkUrls(due)
    await Promise.all(
      due.map(async (photo) => {
        const position = report.photos.indexOf(photo) + 1
        const url = urls[photo]
        if (!url) return fail('photo check not started', 'storage gave no URL for the photo', position)
        try {
          const traceId = await guard.startImageCheck(url, { openid: report.reporter.openid })
          if (traceId === null) return
          await deps.store.mediaChecks.put({ traceId, caseId, photo, startedAt: context.now })
        } catch (error) {
          fail('photo check not started', error, position)
        }
      }),
    )
  } catch (error) {
    fail('photo checks not started', error)
  }
}

export const submit = defineAction({
  fn: 'intake', name: 'submit', kind: 'write', authorization: ['case.submit', 'case.submitOnBehalf'],
  /**
   * Her clientRequestId is the idempotency key: a resend gets its case back, `created: false`, and
   * starts the photo checks the first send may have left unstarted.
   */
  resend: async (ctx, input) => {
    const { deps, openid } = ctx
    const resent = await deps.store.cases.byRequest(openid, input.clientRequestId)
    const previous = resent ? (await deps.store.cases.get(resent))?.state : undefined
    if (!previous) return null
    await startPhotoChecks(deps, previous, ctx)
    // The first send may have died before the early warning looked at it (the rule is idempotent).
    await watchHotspots(deps, previous, ctx)
    return submitted(previous, false)
  },
  authorize: async (ctx, input) => {
    for (const photo of input.photos ?? []) {
      // Storage is private and shared by everyone: a report may name only photos its reporter uploaded.
      if (!(await ctx.deps.files.acceptable(photo, ctx.openid))) {
        throw invalidInput('照片无效，请重新上传', [{ path: 'photos', message: '照片无效，请重新上传' }])
      }
    }
    await checkRate(ctx)
    return { chain: await villageChain(ctx, input.villageId), actor: await ctx.person() }
  },
  contentChecked: ({ title, content, address }) => [title, content, address],
  run: async (ctx, input, { chain, actor }) => {
    const { deps, openid, now } = ctx
    const caseId = deps.ids.next('case')
    const created = await create(
      deps,
      caseAggregate,
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
      {
        key: input.clientRequestId,
        alongside: async (tx) => {
          await keepContact(tx, deps, caseId, input, now)
          await rememberHome(tx, openid, input)
        },
      },
    )
    // Its first send committed while this one ran: the case that send made is the answer.
    const saved = created.created ? created.change.state : (await deps.store.cases.get(created.id))?.state
    if (!saved) throw notFound(CASE_NOT_FOUND)
    // The report is saved whatever happens to its photos' checks and the early warning (a failure of
    // either is logged).
    await startPhotoChecks(deps, saved, ctx)
    await watchHotspots(deps, saved, ctx)
    return submitted(saved, created.created)
  },
})
