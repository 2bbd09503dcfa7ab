/** How a deliberation reads on screen: countdowns, rules and results in plain Chinese. */
import {
  DELIBERATION_RESULT_LABELS,
  type DeliberationResultView,
  type DeliberationSummary,
  type Turnout,
} from '../../../types'

const MINUTE = 60_000

/** "还剩 2 天 5 小时" / "还剩 3 小时 20 分" / "已到截止时间". */
export function countdown(closesAt: string, now: string): string {
  const left = Date.parse(closesAt) - Date.parse(now)
  if (left <= 0) return '已到截止时间'
  const minutes = Math.floor(left / MINUTE)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return hours > 0 ? `还剩 ${days} 天 ${hours} 小时` : `还剩 ${days} 天`
  if (hours > 0) return `还剩 ${hours} 小时 ${minutes % 60} 分`
  return `还剩 ${Math.max(1, minutes)} 分钟`
}

/** "超过半数" / "超过 2/3"… the pass rule as a sentence fragment. */
export function passRuleText(passRatio: number): string {
  if (passRatio === 0.5) return '超过半数'
  if (Math.abs(passRatio - 2 / 3) < 0.01) return '达到三分之二以上'
  return `超过 ${Math.round(passRatio * 100)}%`
}

export function turnoutText(t: Turnout): string {
  return `已投票 ${t.ballots} / ${t.members} 人，需 ${t.quorum} 人`
}

export function resultText(result: DeliberationResultView): string {
  if (result.kind === 'passed') {
    return result.optionText ? `${DELIBERATION_RESULT_LABELS.passed}：${result.optionText}` : DELIBERATION_RESULT_LABELS.passed
  }
  return DELIBERATION_RESULT_LABELS[result.kind]
}

export const resultTone = (result: DeliberationResultView) => (result.kind === 'passed' ? 'ok' : 'warn')

/** The choices after a tap on one option: toggled among several (kept in order), or the only one. */
export const toggleChoice = (choices: number[], index: number, multiple: boolean): number[] =>
  !multiple ? [index] : choices.includes(index) ? choices.filter((i) => i !== index) : [...choices, index].sort((a, b) => a - b)

/** Open ones by the nearest deadline; closed ones newest first. */
export function sortForInbox(items: DeliberationSummary[]) {
  const open = items.filter((d) => d.status === 'open').sort((a, b) => a.closesAt.localeCompare(b.closesAt))
  const closed = items
    .filter((d) => d.status === 'closed')
    .sort((a, b) => (b.closedAt ?? b.closesAt).localeCompare(a.closedAt ?? a.closesAt))
  return { open, closed }
}
