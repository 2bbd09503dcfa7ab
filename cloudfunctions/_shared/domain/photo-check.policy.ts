/**
 * Which verdicts of WeChat's image check (security.mediaCheckAsync) hide a case photo.
 *
 * `risky` hides it. `review` ("doubtful, a person should look") does not, as for text
 * (ports/content-guard.port.ts: review is stored): a report's photos are shown only to those who handle
 * the case, never in public, and the photos a model doubts are often the evidence itself (an injury in
 * a 人身权益 case, a wrecked room); hiding them would take that evidence from the council without anyone
 * looking. The verdict is kept on the check's record for a person to review.
 */
import { assertNever } from './domain.errors'

export type PhotoVerdict = 'pass' | 'review' | 'risky'

export const PHOTO_VERDICTS: readonly PhotoVerdict[] = ['pass', 'review', 'risky']

export function hidesPhoto(verdict: PhotoVerdict): boolean {
  switch (verdict) {
    case 'risky':
      return true
    case 'review':
    case 'pass':
      return false
    default:
      return assertNever(verdict)
  }
}

export const isPhotoVerdict = (value: unknown): value is PhotoVerdict =>
  typeof value === 'string' && (PHOTO_VERDICTS as readonly string[]).includes(value)
