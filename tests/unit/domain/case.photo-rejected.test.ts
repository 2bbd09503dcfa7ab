/** A photo that failed the content check is hidden: RejectPhoto → CasePhotoRejected. */
import {
  counterDeltas,
  decide,
  evolve,
  hidesPhoto,
  timelineEntryOf,
  type CasePhotoRejected,
  type RejectPhoto,
} from '../../../cloudfunctions/_shared/domain'
import { planCaseMessages } from '../../../cloudfunctions/_shared/domain/case.notification-plan'
import { timelineText } from '../../../cloudfunctions/_shared/cases/message-text'
import { toDetail } from '../../../cloudfunctions/_shared/cases/case-view'
import { REPORTER, aCase, convenerOf, errorOf, eventsOf, given, hoursAfter, step, type CaseSpec, type History } from './case.builders'

const LAMP = 'cloud://env.bucket/case-photos/aa/lamp.jpg'
const POLE = 'cloud://env.bucket/case-photos/aa/pole.jpg'

const withPhotos = (spec: CaseSpec = {}): History => aCase({ ...spec, submit: { photos: [LAMP, POLE], ...spec.submit } })

const rejectPhoto = (h: History, overrides: Partial<RejectPhoto> = {}): RejectPhoto => ({
  type: 'RejectPhoto',
  at: hoursAfter(h.at, 1),
  actor: 'system',
  photo: LAMP,
  ...overrides,
})

describe('given a case with two photos', () => {
  test('when the system rejects one, then it is hidden where the case is held, and nothing else changes', () => {
    const h = withPhotos()
    const events = eventsOf(decide(rejectPhoto(h), h.state))
    expect(events).toEqual([
      { type: 'CasePhotoRejected', at: hoursAfter(h.at, 1), level: 'village', orgId: h.state.chain.village, photo: LAMP },
    ])
    const after = evolve(h.state, events[0]!)
    expect(after).toEqual({ ...h.state, photos: [POLE], hiddenPhotos: [LAMP], updatedAt: events[0]!.at })
  })

  test('when it is rejected again, then nothing happens: the same verdict twice changes nothing', () => {
    const h = step(withPhotos(), rejectPhoto(withPhotos()))
    expect(eventsOf(given(h.events).when(rejectPhoto(h)))).toEqual([])
    // The other photo can still be hidden after it.
    const both = step(h, rejectPhoto(h, { photo: POLE }))
    expect(both.state).toMatchObject({ photos: [], hiddenPhotos: [LAMP, POLE] })
  })

  test('when a photo it never had is named, then it is refused (the check was recorded for another case)', () => {
    const h = withPhotos()
    expect(errorOf(decide(rejectPhoto(h, { photo: 'cloud://env.bucket/case-photos/bb/other.jpg' }), h.state))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(errorOf(decide(rejectPhoto(h, { photo: ' ' }), h.state))).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test('when a person issues it, then it is forbidden: only the system acts on a verdict', () => {
    const h = withPhotos()
    expect(errorOf(decide(rejectPhoto(h, { actor: convenerOf(h.state.chain) }), h.state))).toMatchObject({ code: 'FORBIDDEN' })
    expect(errorOf(decide(rejectPhoto(h, { actor: REPORTER }), h.state))).toMatchObject({ code: 'FORBIDDEN' })
  })

  test.each(['in_progress', 'resolved', 'closed', 'withdrawn'] as const)('when the case is %s, then the photo is hidden all the same', (status) => {
    const h = withPhotos({ status })
    const [event] = eventsOf(decide(rejectPhoto(h), h.state))
    const after = evolve(h.state, event!)
    expect(after).toMatchObject({ status, photos: [POLE], hiddenPhotos: [LAMP] })
  })

  test('when the case is held higher up, then the entry sits at the holder', () => {
    const h = withPhotos({ level: 'county' })
    expect(eventsOf(decide(rejectPhoto(h), h.state))[0]).toMatchObject({ level: 'county', orgId: h.state.chain.county })
  })

  test('no case without photos has one to hide', () => {
    const h = aCase()
    expect(errorOf(decide(rejectPhoto(h), h.state))).toMatchObject({ code: 'INVALID_INPUT' })
  })
})

describe('what people see of a hidden photo', () => {
  const hidden = () => {
    const h = withPhotos({ status: 'in_progress' })
    return step(h, rejectPhoto(h))
  }
  const names = () => '蒲河村'

  test('the timeline tells her plainly that one photo was hidden, never what it showed', () => {
    const h = hidden()
    const event = h.events.at(-1) as CasePhotoRejected
    for (const visibility of ['full', 'redacted'] as const) {
      expect(timelineText(timelineEntryOf(event, visibility)!, names)).toBe('一张照片未通过内容安全检查，已隐藏')
    }
    expect(timelineEntryOf(event, 'none')).toBeNull()
  })

  test('no view lists it: her own, the holder’s, with the entry on the timeline', () => {
    const h = hidden()
    for (const viewer of [REPORTER, convenerOf(h.state.chain)]) {
      const detail = toDetail(h.state, h.events, viewer, hoursAfter(h.at, 1), names)!
      expect(detail.photos).toEqual([POLE])
      expect(JSON.stringify(detail)).not.toContain('lamp.jpg')
      expect(detail.timeline.at(-1)).toMatchObject({ type: 'CasePhotoRejected', text: '一张照片未通过内容安全检查，已隐藏' })
    }
  })

  test('it sends no message and moves no figure', () => {
    const h = withPhotos()
    const events = eventsOf(decide(rejectPhoto(h), h.state))
    const after = evolve(h.state, events[0]!)
    expect(planCaseMessages(events, after)).toEqual([])
    expect(counterDeltas(events, h.state, after)).toEqual({})
  })
})

describe('which verdicts hide a photo', () => {
  test('risky hides it; review and pass keep it (a person may look at a doubtful one)', () => {
    expect(hidesPhoto('risky')).toBe(true)
    expect(hidesPhoto('review')).toBe(false)
    expect(hidesPhoto('pass')).toBe(false)
  })
})
