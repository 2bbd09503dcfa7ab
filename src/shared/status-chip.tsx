/** A case's status as a coloured chip, marked 超期 when a deadline has passed. */
import { Text } from '@tarojs/components'
import { CASE_STATUS_LABELS, type CaseStatus } from '../../types'
import { STATUS_TONE } from './case-format'
import './chip.css'

export function StatusChip({ status, overdue }: { status: CaseStatus; overdue?: boolean }) {
  return (
    <Text className={`chip chip-${overdue ? 'danger' : STATUS_TONE[status]}`}>
      {overdue ? `${CASE_STATUS_LABELS[status]}·超期` : CASE_STATUS_LABELS[status]}
    </Text>
  )
}
