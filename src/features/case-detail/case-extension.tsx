/**
 * 延期: the holder asks the level above for more days on its resolve deadline (once per level, at most
 * the level's own resolve days); a cadre of that level answers, with a note if she wants. What the
 * request says now (waiting, approved to when, refused) is shown to all who handle or supervise the
 * case; only what the server says she may do is offered. Used on the case page and on 督办.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type ExtensionItem } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { Choice } from '../../shared/choice'
import { formatTime } from '../../shared/case-format'
import { useSubmit } from '../../shared/use-submit'
import { requestExtension } from './api/request-extension'
import { decideExtension } from './api/decide-extension'
import { useWritten } from './use-written'
import './case-extension.css'

const DAY = 86_400_000
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString()

/** The request in one line: what it asked, and what became of it. */
export function extensionLine(e: ExtensionItem, now: string): string {
  const asked = `${e.orgName}（${LEVEL_LABELS[e.level]}）申请延期 ${e.days} 天`
  const by = e.decided ? `${e.decided.orgName}（${LEVEL_LABELS[e.decided.level]}）` : ''
  switch (e.status) {
    case 'pending':
      return `${asked}（至 ${formatTime(e.until, now)}），等待上一级审批`
    case 'approved':
      return `${by}已同意延期 ${e.days} 天，办结期限延长到 ${formatTime(e.until, now)}`
    case 'rejected':
      return `${by}不同意延期，办结期限不变`
    case 'lapsed':
      return `${asked}，未及审批反映已转走，本级不能再申请`
  }
}

/** The request of this level, with its reason and the answer's note: for those who handle or supervise it. */
export function ExtensionNotice({ extension, now }: { extension?: ExtensionItem; now: string }) {
  if (!extension) return null
  return (
    <View className={`extension-notice extension-${extension.status}`}>
      <Text className="extension-line">{extensionLine(extension, now)}</Text>
      <Text className="as-written muted">延期理由：{extension.reason}</Text>
      {extension.decided?.note && <Text className="as-written muted">审批意见：{extension.decided.note}</Text>}
    </View>
  )
}

/** The day counts offered, up to the level's most (always offered itself). */
const dayChoices = (max: number) => [...new Set([3, 5, 7, 10, 15, 20, 30].filter((d) => d < max).concat(max))]

interface RequestProps {
  caseId: string
  resolveBy: string
  maxDays: number
  now: string
  onChanged: () => Promise<unknown>
}

/** 申请延期: how many days (to when), and why. */
export function RequestExtension({ caseId, resolveBy, maxDays, now, onChanged }: RequestProps) {
  const [open, setOpen] = useState(false)
  const [days, setDays] = useState<number>()
  const reason = useWritten()
  const { busy, submit } = useSubmit()
  const send = () => {
    if (!days) return reason.setProblem('请选择延期几天')
    if (!reason.text) return reason.setProblem('请写明为什么需要延期')
    return submit(async () => {
      await requestExtension({ caseId, days, reason: reason.text })
      setOpen(false)
      void Taro.showToast({ title: '已提交申请', icon: 'success' })
      await onChanged()
    }, onChanged)
  }
  return (
    <View>
      <BigButton
        onClick={() => {
          setDays(undefined)
          reason.reset()
          setOpen(true)
        }}
      >
        申请延期
      </BigButton>
      <BottomSheet visible={open} title="申请延期" onClose={() => setOpen(false)}>
        <Text className="extension-hint">
          现在的办结期限是 {formatTime(resolveBy, now)}。向上一级妇联申请延长，每一级只能申请一次，最多 {maxDays} 天。
        </Text>
        <View className="extension-days">
          {dayChoices(maxDays).map((d) => (
            <Choice
              key={d}
              on={days === d}
              label={`延期 ${d} 天`}
              hint={`到 ${formatTime(plusDays(resolveBy, d), now)}`}
              onPick={() => {
                setDays(d)
                reason.setProblem(undefined)
              }}
            />
          ))}
        </View>
        {reason.field('延期理由（如：需要等待鉴定结果）', 500)}
        <BigButton type="primary" loading={busy} onClick={send}>
          提交申请
        </BigButton>
      </BottomSheet>
    </View>
  )
}

interface DecideProps {
  caseId: string
  extension: ExtensionItem
  now: string
  onChanged: () => Promise<unknown>
}

/** 同意延期 or 不同意, each with an optional note, for the level above the holder. */
export function DecideExtension({ caseId, extension, now, onChanged }: DecideProps) {
  const [answer, setAnswer] = useState<boolean | null>(null)
  const note = useWritten()
  const { busy, submit } = useSubmit()
  const open = (approve: boolean) => {
    note.reset()
    setAnswer(approve)
  }
  const send = (approve: boolean) =>
    submit(async () => {
      await decideExtension({ caseId, approve, ...(note.text && { note: note.text }) })
      setAnswer(null)
      void Taro.showToast({ title: approve ? '已同意延期' : '已答复', icon: 'success' })
      await onChanged()
    }, onChanged)
  return (
    // A tap on these (or in their sheet) is not a tap on the card around them (the 督办 list's row).
    <View className="extension-decide" onClick={(e) => e.stopPropagation()}>
      <View className="button-row">
        <BigButton type="primary" onClick={() => open(true)}>
          同意延期
        </BigButton>
        <BigButton onClick={() => open(false)}>不同意</BigButton>
      </View>
      <BottomSheet visible={answer !== null} title={answer ? '同意延期' : '不同意延期'} onClose={() => setAnswer(null)}>
        <Text className="extension-hint">
          {answer
            ? `${extension.orgName}的办结期限将延长到 ${formatTime(extension.until, now)}，反映人会收到通知。`
            : `${extension.orgName}须在原办结期限 ${formatTime(extension.resolveBy, now)} 前办结。`}
        </Text>
        {note.field('审批意见（可不填）', 200)}
        <BigButton type="primary" loading={busy} onClick={() => send(answer === true)}>
          {answer ? '确定同意' : '确定不同意'}
        </BigButton>
      </BottomSheet>
    </View>
  )
}
