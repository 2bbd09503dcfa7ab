/** One plain Chinese line per timeline entry: what happened and where — never who. */
import { LEVEL_LABELS, OUTCOME_LABELS, RATING_LABELS } from '../../../types/enums'
import type { TimelineEntry } from '../domain/case.view'
import { assertNever } from '../domain/domain.errors'

export function timelineText(entry: TimelineEntry, orgName: (id: string) => string): string {
  const here = `${orgName(entry.orgId)}（${LEVEL_LABELS[entry.level]}）`
  switch (entry.type) {
    case 'CaseSubmitted':
      return entry.onBehalf ? `议事会成员代群众提交，由${here}议事会受理` : `反映已提交，由${here}议事会受理`
    case 'CaseAccepted':
      return `${here}已受理`
    case 'CaseResolved':
      return `${here}已办结：${OUTCOME_LABELS[entry.outcome]}。${entry.resolution}`
    case 'CaseEscalated': {
      const to = `${orgName(entry.toOrgId)}（${LEVEL_LABELS[entry.toLevel]}）`
      if (!entry.auto) return `${here}上报至${to}：${entry.reason}`
      return entry.missed === 'accept'
        ? `${here}未在期限内受理，自动转至${to}`
        : `${here}未在期限内办结，自动转至${to}`
    }
    case 'CaseHandedBack':
      return `${here}交由${orgName(entry.toOrgId)}（${LEVEL_LABELS[entry.toLevel]}）办理：${entry.instructions}`
    case 'DepartmentAssigned':
      return `${here}已协调${entry.department}：${entry.note}`
    case 'DepartmentReplied':
      return `相关部门已答复：${entry.reply}`
    case 'CaseRated':
      return `反映人评价：${RATING_LABELS[entry.rating]}${entry.comment ? `（${entry.comment}）` : ''}`
    case 'CaseReopened':
      return `因评价为“${RATING_LABELS[entry.rating]}”，转至${orgName(entry.toOrgId)}（${LEVEL_LABELS[entry.toLevel]}）重新办理`
    case 'CaseClosed':
      return entry.auto ? '办结后 7 天未评价，自动关闭' : '反映已关闭'
    case 'CaseWithdrawn':
      return `反映人已撤回${entry.reason ? `：${entry.reason}` : ''}`
    case 'CaseFlaggedOverdue':
      return entry.missed === 'accept' ? `${here}受理已超期，列入督办` : `${here}办理已超期，列入督办`
    case 'CaseDeliberated': {
      const { result } = entry
      const turnout = `${result.members} 名成员中 ${result.ballots} 人投票`
      switch (result.kind) {
        case 'passed':
          return `${here}议事会就“${entry.title}”表决通过${result.optionText ? `：${result.optionText}` : ''}（${turnout}）`
        case 'no_quorum':
          return `${here}议事会就“${entry.title}”议事结束：投票人数未达到法定人数，未形成决议（${turnout}）`
        case 'no_majority':
          return `${here}议事会就“${entry.title}”议事结束：没有选项获得足够支持，未形成决议（${turnout}）`
        default:
          return assertNever(result.kind)
      }
    }
    case 'CasePhotoRejected':
      // Plain and neutral: never what the check found, nor whose fault.
      return '一张照片未通过内容安全检查，已隐藏'
    default:
      return assertNever(entry)
  }
}
