/**
 * After a report is saved, the content check of each of its photos is started (deps.mediaGuard), and
 * each trace id is remembered with its case and photo, so the verdict WeChat pushes later finds the
 * photo (media-verdict.push.ts). Nothing here may lose the report: it is already saved, so every
 * failure is logged and the report answered as received. A resent report starts only the checks its
 * photos still lack (the first attempt may have died between saving and starting them).
 *
 * Logs name the case and the photo's position, never its URL (which opens it) nor the reporter.
 */
import type { Deps } from '../_shared/context/deps'

export interface SavedReport {
  caseId: string
  photos: readonly string[]
  reporterOpenid: string
}

export async function startPhotoChecks(deps: Deps, report: SavedReport, context: { now: string; requestId: string }): Promise<void> {
  const guard = deps.mediaGuard
  if (!guard || report.photos.length === 0) return
  const { caseId } = report
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
          const traceId = await guard.startImageCheck(url, { openid: report.reporterOpenid })
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
