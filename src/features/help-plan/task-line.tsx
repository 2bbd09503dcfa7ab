/**
 * One task of the 帮扶方案: what, who (a volunteer's number for the holder, one tap to call), by when
 * and whether it is done — in words, not colour alone (已完成 / 未完成 / 已超期); and 完成 for her who may.
 */
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type HelpTaskItem } from '../../../types'
import { formatTime, remaining } from '../../shared/case-format'
import { PhoneNumber } from '../../shared/phone-number'
import { BigButton } from '../../shared/big-button'

const STATUS_WORDS: Record<HelpTaskItem['status'], string> = { open: '未完成', done: '已完成', dropped: '不再需要' }

export function whoDoes(task: HelpTaskItem): string {
  const name = task.assignee.name
  if (task.assignee.kind === 'volunteer') return name ? `巾帼志愿者 ${name}` : '巾帼志愿者'
  return task.assignee.mine ? '您' : (name ?? '议事会成员')
}

export function TaskLine({ task, now, onComplete }: { task: HelpTaskItem; now: string; onComplete: (task: HelpTaskItem) => void }) {
  const open = task.status === 'open'
  return (
    <View className={`task-line task-${task.status} ${task.overdue ? 'task-overdue' : ''}`} role="group" aria-label={`帮扶任务：${task.title}`}>
      <View className="task-head">
        <Text className="task-title">{task.title}</Text>
        <Text className="task-status">{task.overdue ? '已超期' : STATUS_WORDS[task.status]}</Text>
      </View>
      <Text className="task-meta">承办：{whoDoes(task)}</Text>
      {task.assignee.phone && (
        <View className="task-meta task-phone">
          <Text>电话：</Text>
          <PhoneNumber number={task.assignee.phone} />
        </View>
      )}
      <Text className="task-meta">
        {open ? `${formatTime(task.dueAt, now)} 前完成（${remaining(task.dueAt, now)}）` : `${formatTime(task.closedAt ?? task.dueAt, now)} ${STATUS_WORDS[task.status]}`}
      </Text>
      {task.note && <Text className="as-written muted">{task.note}</Text>}
      <Text className="muted">
        {task.orgName}（{LEVEL_LABELS[task.level]}）{formatTime(task.plannedAt, now)} 安排
      </Text>
      {open && task.canComplete && (
        <BigButton type="primary" onClick={() => onComplete(task)}>
          {task.assignee.mine ? '我已完成' : '完成'}
        </BigButton>
      )}
    </View>
  )
}
