/**
 * The options as big cards to tap (one for single choice, several for multiple), her ballot, and the
 * button that casts or changes it. After the close the cards stay, marking the option that passed.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DeliberationDetail } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { Card } from '../../shared/card'
import { formatTime } from '../../shared/case-format'
import { useSubmit } from '../../shared/use-submit'
import { toggleChoice } from './council-format'

interface Props {
  detail: DeliberationDetail
  now: string
  onVote: (choices: number[]) => Promise<void>
}

const same = (a: number[], b: number[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i])

export function VoteCard({ detail, now, onVote }: Props) {
  const mine = detail.myBallot?.choices ?? []
  const [picked, setPicked] = useState<number[]>(mine)
  const { busy, submit } = useSubmit()
  const mineKey = mine.join(',')
  useEffect(() => setPicked(mineKey ? mineKey.split(',').map(Number) : []), [mineKey])

  const open = detail.status === 'open'
  const canVote = open && detail.can.vote
  const winner = detail.result?.kind === 'passed' ? detail.result.option : undefined
  const pick = (index: number) => {
    if (canVote) setPicked((p) => toggleChoice(p, index, detail.multiple))
  }

  return (
    <Card title={open ? (detail.multiple ? '请投票（可选多项）' : '请投票（选一项）') : '表决选项'}>
      {detail.options.map((option, index) => {
        const on = picked.includes(index)
        return (
          <View
            key={index}
            className={`choice vote-option ${on ? 'choice-on' : ''} ${canVote ? '' : 'vote-option-still'}`}
            onClick={() => pick(index)}
          >
            <Text className="vote-mark">{detail.multiple ? (on ? '☑' : '☐') : on ? '●' : '○'}</Text>
            <Text className="choice-label vote-text">{option}</Text>
            {winner === index && <Text className="chip chip-ok">通过</Text>}
            {!open && mine.includes(index) && <Text className="chip chip-brand">我的选择</Text>}
          </View>
        )
      })}
      {detail.myBallot && (
        <Text className="notice">
          {open ? '已投票，可在截止前修改。' : '您已投票。'}
          {detail.myBallot.proxy
            ? `由${detail.myBallot.proxy.byName}代为登记（${detail.myBallot.proxy.note}）。`
            : `投于 ${formatTime(detail.myBallot.castAt, now)}。`}
        </Text>
      )}
      {open && !detail.can.vote && (
        <Text className="muted">您不在这次表决的成员名单中，可以查看议题、发表意见。</Text>
      )}
      {canVote && (
        <BigButton
          type="primary"
          loading={busy}
          disabled={busy || picked.length === 0 || same(picked, mine)}
          onClick={() => submit(() => onVote(picked))}
        >
          {detail.myBallot ? '修改投票' : '投票'}
        </BigButton>
      )}
    </Card>
  )
}
