/**
 * The message rows of a deliberation: the invitation when it opens, the one reminder, the result.
 * Each (deliberation, kind, member) happens once in a deliberation's life, so that triple is the
 * dedupe key: a replayed transaction stores nothing twice. Texts carry the share title only, never
 * more of a sensitive case (a message can be read over her shoulder).
 */
import { MESSAGE_KIND_LABELS, type MessageKind } from '../../../types/messages'
import type { DeliberationState, Elector } from '../domain/deliberation.state'
import { shareTitleOf } from '../domain/deliberation.view'
import type { Ids } from '../ports/ids.port'
import type { MessageRecord } from '../ports/store.port'
import { fitField } from '../notify/fit-fields'

type DeliberationKind = Extract<MessageKind, 'deliberation_invited' | 'deliberation_reminder' | 'deliberation_result'>

/** The result's status phrase (a template `phrase` field: at most five Chinese characters). */
const RESULT_PHRASE = { passed: '已通过', no_quorum: '人数不足', no_majority: '未通过' } as const

function body(kind: DeliberationKind, state: DeliberationState, council: string): string {
  const subject = `“${shareTitleOf(state)}”`
  const deadline = fitField('time', state.closesAt)
  switch (kind) {
    case 'deliberation_invited':
      return `${council}邀请您参加议事${subject}，请在 ${deadline} 前发表意见并投票。`
    case 'deliberation_reminder':
      return `议事${subject}将于 ${deadline} 截止，您还没有投票。`
    case 'deliberation_result': {
      const result = state.result
      if (!result) return `议事${subject}已结束。`
      if (result.kind !== 'passed') {
        return result.kind === 'no_quorum'
          ? `议事${subject}已结束：投票人数未达到法定人数，未形成决议。`
          : `议事${subject}已结束：没有选项获得足够支持，未形成决议。`
      }
      // An option can be as telling as a title: on a sensitive case she reads it in the app.
      const option = state.sensitive ? '' : `：${state.options[result.option] ?? ''}`
      return `议事${subject}已结束，表决通过${option}。`
    }
  }
}

export function deliberationOutboxRows(
  ids: Ids,
  kind: DeliberationKind,
  state: DeliberationState,
  recipients: readonly Elector[],
  orgName: string,
  now: string,
  /** A kind that may happen more than once (the convener's reminders): which time, in the dedupe key. */
  occasion?: string,
): MessageRecord[] {
  const council = `${orgName}议事会`
  const slots = {
    subject: shareTitleOf(state),
    org: council,
    deadline: state.closesAt,
    time: now,
    status: state.result ? RESULT_PHRASE[state.result.kind] : '进行中',
  }
  return recipients.map((elector) => ({
    id: ids.next('msg'),
    dedupeKey: `${state.id}:${kind}:${elector.openid}${occasion ? `:${occasion}` : ''}`,
    openid: elector.openid,
    kind,
    title: MESSAGE_KIND_LABELS[kind],
    body: body(kind, state, council),
    page: `/council/pages/deliberation/index?id=${state.id}`,
    deliberationId: state.id,
    subject: `议事 ${shareTitleOf(state)}`,
    slots,
    createdAt: now,
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
  }))
}
