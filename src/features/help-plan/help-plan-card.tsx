/**
 * 帮扶方案 on the case page: the case's tasks, open ones first in their order, each with who does it
 * and by when (已超期 said in words); 添加任务 for the holder; 完成 (with a note) for the holder and
 * for the member a task names — who opens the case from her message finds her task here. The server
 * leaves `tasks` out for the reporter, who reads plain lines in 办理进度 instead.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseDetail, HelpTaskItem } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { Card } from '../../shared/card'
import { TextField } from '../../shared/text-field'
import { useSubmit } from '../../shared/use-submit'
import { completeTask } from './api/complete-task'
import { PlanTaskSheet } from './plan-task-sheet'
import { TaskLine, whoDoes } from './task-line'
import './help-plan.css'

interface Props {
  detail: CaseDetail
  onChanged: () => Promise<unknown>
}

export function HelpPlanCard({ detail, onChanged }: Props) {
  const [adding, setAdding] = useState(false)
  const [finishing, setFinishing] = useState<HelpTaskItem | null>(null)
  const [note, setNote] = useState('')
  const { busy, submit } = useSubmit()
  const tasks = detail.tasks ?? []
  if (tasks.length === 0 && !detail.can.planTask) return null

  const open = tasks.filter((t) => t.status === 'open')
  const closed = tasks.filter((t) => t.status !== 'open')
  const overdue = open.filter((t) => t.overdue).length
  const finish = (task: HelpTaskItem) =>
    submit(async () => {
      await completeTask({ caseId: detail.id, taskId: task.id, ...(note.trim() && { note: note.trim() }) })
      setFinishing(null)
      setNote('')
      void Taro.showToast({ title: '已登记完成', icon: 'success' })
      await onChanged()
    }, onChanged)

  return (
    <Card title="帮扶方案" id="help-plan">
      <Text className="plan-summary">
        {tasks.length === 0
          ? '还没有安排帮扶任务。可以请议事会成员、妇联干部或巾帼志愿者协助办理。'
          : `共 ${tasks.length} 项，${open.length} 项未完成${overdue > 0 ? `，其中 ${overdue} 项已超期` : ''}`}
      </Text>
      {[...open, ...closed].map((task) => (
        <TaskLine key={task.id} task={task} now={detail.asOf} onComplete={(t) => (setNote(''), setFinishing(t))} />
      ))}
      {detail.can.planTask && <BigButton onClick={() => setAdding(true)}>添加任务</BigButton>}
      <PlanTaskSheet detail={detail} visible={adding} onClose={() => setAdding(false)} onChanged={onChanged} />
      <BottomSheet visible={finishing !== null} title="登记任务完成" onClose={() => setFinishing(null)}>
        {finishing && (
          <View>
            <Text className="plan-ask">
              {finishing.title}（{whoDoes(finishing)}）
            </Text>
            <TextField value={note} max={200} multiline placeholder="完成情况（可不填），如：已陪同到村委会登记" onChange={setNote} />
            <BigButton type="primary" loading={busy} onClick={() => finish(finishing)}>
              确定已完成
            </BigButton>
          </View>
        )}
      </BottomSheet>
    </Card>
  )
}
