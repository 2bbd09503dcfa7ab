/**
 * Where her case is, read like a parcel tracker: 提交 › 受理 › 办理 › 办结 › 评价 with the steps done
 * marked, and one line saying what happens now and who is doing it.
 */
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type CaseDetail, type CaseStatus } from '../../../types'
import { remaining, runningDeadline } from '../../shared/case-format'
import './case-steps.css'

const STEPS = ['提交', '受理', '办理', '办结', '评价'] as const

/** How many steps are done; the next one is the one under way. */
const DONE: Record<Exclude<CaseStatus, 'withdrawn'>, number> = { pending: 1, in_progress: 2, resolved: 4, closed: 5 }

function nowLine(detail: CaseDetail): string {
  const holder = `${detail.holderOrgName}（${LEVEL_LABELS[detail.level]}）`
  const deadline = runningDeadline(detail)
  const left = deadline ? `，${deadline.label}${remaining(deadline.at, detail.asOf)}` : ''
  // A duplicate closed into another case: its steps go on there (合并办理).
  if (detail.mergedInto) return `这条反映已与 #${detail.mergedInto.number} 合并办理，进展请看 #${detail.mergedInto.number}`
  switch (detail.status) {
    case 'pending':
      return `现在：等待${holder}受理${left}`
    case 'in_progress':
      return `现在：${holder}正在办理${left}`
    case 'resolved':
      return detail.mine ? '现在：已经办好了，请您在下面评价' : '现在：已办结，等待反映人评价'
    case 'closed':
      return '这条反映已经全部办完'
    case 'withdrawn':
      return '这条反映已撤回，不再办理'
  }
}

export function CaseSteps({ detail }: { detail: CaseDetail }) {
  const stepless = detail.status === 'withdrawn' || detail.mergedInto !== undefined
  const done = detail.status === 'withdrawn' || stepless ? 0 : DONE[detail.status]
  return (
    <View className="card case-steps">
      {!stepless && (
        <View className="steps" role="list" aria-label={`办理进度：已完成 ${done} 步，共 ${STEPS.length} 步`}>
          {STEPS.map((step, i) => (
            <View key={step} role="listitem" className={`step ${i < done ? 'step-done' : i === done ? 'step-now' : ''}`}>
              <View className="step-dot">
                <Text>{i < done ? '✓' : i + 1}</Text>
              </View>
              <Text className="step-label">{step}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className="steps-now">{nowLine(detail)}</Text>
    </View>
  )
}
