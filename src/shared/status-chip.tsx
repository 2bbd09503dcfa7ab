/** A case's status as a coloured chip, marked 超期 when a deadline has passed. */
import { Text } from '@tarojs/components'
import type { CaseStatus } from '../../types'
import { STATUS_TONE, statusLabel } from './case-format'
import './chip.css'

export function StatusChip({ status, overdue }: { status: CaseStatus; overdue?: boolean }) {
  return (
    <Text className={`chip chip-${overdue ? 'danger' : STATUS_TONE[status]}`}>
      {overdue ? `${statusLabel(status)}·超期` : statusLabel(status)}
    </Text>
  )
}
