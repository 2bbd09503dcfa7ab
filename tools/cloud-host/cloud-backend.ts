/**
 * The production path's answers to the fixed HTTP surface (cloudfunctions/_local/host-backend.ts):
 * every call goes to a built bundle through the function runner, which reaches the emulated CloudBase
 * as a deployed function reaches the real one. This host plays the parts of the WeChat client that
 * the H5 app cannot: the caller's openid (from `x-openid`), the subscription dialog's grants, a group
 * chat's cloudID, cloud storage uploads and `cloud://` images.
 */
import { fail } from '../../types/envelope'
import type { HostBackend, OrgView } from '../../cloudfunctions/_local/host-backend'
import { receivePhoto } from '../../cloudfunctions/_local/local-files'
import { hostUploadQuota } from '../../cloudfunctions/_local/upload-quota'
import { demoPersonaViews } from '../../cloudfunctions/_local/seed/demo-province'
import type { AdjustableClock } from '../../cloudfunctions/_shared/adapters/clock'
import type { FunctionRunner } from '../function-runner/runner'
import type { InvocationOutcome } from '../function-runner/instance'
import type { EmulatorPieces } from './emulator-pieces'

/** How long the preview of a just-uploaded photo can be loaded (the form shows it at once). */
const PREVIEW_URL_SECONDS = 600

export interface CloudBackendOptions {
  runner: FunctionRunner
  emulator: EmulatorPieces
  clock: AdjustableClock
  saveClock: () => void
  log: (line: string) => void
}

/** A failed invocation reaches the mini-program as a rejected callFunction; the app shows this. */
const UNAVAILABLE = fail('INTERNAL', '系统繁忙，请稍后再试')

function envelopeOf(name: string, outcome: InvocationOutcome, log: (line: string) => void): unknown {
  switch (outcome.kind) {
    case 'result':
      return outcome.result
    case 'error':
      log(`[${name}] main rejected (the platform answers errCode -504002): ${outcome.error.message}`)
      return UNAVAILABLE
    case 'crash':
      log(`[${name}] instance died (the platform answers errCode -504002): ${outcome.error.message}`)
      return UNAVAILABLE
    case 'timeout':
      log(`[${name}] timed out after ${outcome.timeoutMs} ms (the platform answers errCode -504003)`)
      return UNAVAILABLE
  }
}

/** The group a simulated group id stands for: the same openGId the local host's resolver gives. */
const simulatedOpenGId = (localGroupId: string) => `local-group-${localGroupId}`

export function cloudBackend(options: CloudBackendOptions): HostBackend {
  const { runner, emulator, clock, log } = options
  const names = new Set(runner.functions.map((fn) => fn.name))
  const uploads = hostUploadQuota(clock)

  /** What the WeChat client would have done before the call reaches the function. */
  const asTheClient = (name: string, event: unknown, openid: string): unknown => {
    if (!event || typeof event !== 'object') return event
    const body = event as Record<string, unknown>
    // requestSubscribeMessage's "allow" is recorded by WeChat itself: one send per template.
    if (name === 'notify' && body.action === 'subscribe' && Array.isArray(body.accepted)) {
      for (const templateId of body.accepted) if (typeof templateId === 'string') emulator.openapi.grant(openid, templateId)
    }
    // A group chat's identity reaches a function only as a cloudID from getGroupEnterInfo.
    if (name === 'deliberation' && typeof body.localGroupId === 'string' && (body.action === 'bindGroup' || body.action === 'resolveGroup')) {
      const { localGroupId, ...rest } = body
      return { ...rest, cloudID: emulator.openapi.issueGroupCloudId(simulatedOpenGId(localGroupId), openid) }
    }
    return event
  }

  return {
    hasFunction: (name) => names.has(name),
    callFunction: async (name, event, caller) => {
      const openid = caller.kind === 'user' ? caller.openid : ''
      const outcome = await runner.invoke(name, asTheClient(name, event, openid), { source: 'wx_client', openid })
      return envelopeOf(name, outcome, log)
    },
    personas: async () => {
      const orgs = new Map((await emulator.orgs()).map((org) => [org.id, org]))
      return demoPersonaViews(async (id) => orgs.get(id))
    },
    orgs: async (): Promise<OrgView[]> => emulator.orgs(),
    clockNow: () => clock.now(),
    advanceClock: async (hours) => {
      clock.advanceHours(hours)
      options.saveClock()
    },
    tick: async () => {
      const report: Record<string, unknown> = {}
      for (const fn of runner.functions) {
        if (!fn.timer) continue
        const outcome = await runner.fireTimer(fn.name)
        report[fn.name] = outcome.kind === 'result' ? outcome.result : { error: `timer ${outcome.kind}` }
      }
      return report
    },
    outbox: async (openid) => emulator.openapi.outbox(openid),
    cards: async () => emulator.openapi.cards(),
    // As the mini-program does: ask where her uploads go (intake.photoFolder), then upload there as her
    // (wx.cloud.uploadFile); the preview URL is a temp URL, as storage is private.
    receivePhoto: (req, caller, reply) =>
      receivePhoto({
        req,
        openid: caller.openid,
        quota: uploads,
        reply,
        keep: async (photo) => {
          const outcome = await runner.invoke('intake', { action: 'photoFolder' }, { source: 'wx_client', openid: caller.openid })
          const answer = outcome.kind === 'result' ? (outcome.result as { ok: boolean; data?: { folder: string } }) : null
          if (!answer?.ok || !answer.data) throw new Error('no upload folder')
          const { fileID } = await emulator.storage.putFile({
            cloudPath: `${answer.data.folder}/${photo.name}`,
            bytes: photo.bytes,
            contentType: photo.contentType,
            ownerOpenid: caller.openid,
          })
          return { fileId: fileID, url: emulator.storage.tempUrl(fileID, PREVIEW_URL_SECONDS) }
        },
      }),
    // Storage is private: photos are seen only through the temp URLs a function hands out.
    servePhoto: async () => false,
  }
}
