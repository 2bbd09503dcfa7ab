/**
 * One deliberation: what is being decided and why, the options to vote on, her ballot, turnout
 * against quorum, the time left, the counts (once she may see them), the result, the discussion; for
 * the convener the roll, proxy ballots, closing and the group chat. Its share card carries only the
 * neutral `shareTitle`, and opens straight back here.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useLoad, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { DELIBERATION_STATUS_LABELS, type DeliberationDetail } from '../../../../types'
import { useReloadOnReturn, useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { formatTime } from '../../../shared/case-format'
import { PageState } from '../../../shared/remote-state'
import { Card } from '../../../shared/card'
import { BarChart } from '../../../features/dashboard/bar-chart'
import { useAllowMessages } from '../../../features/notify/use-allow-messages'
import { AllowMessagesDialog } from '../../../features/notify/allow-messages-dialog'
import { countdown, passRuleText, resultText, resultTone } from '../../../features/council/council-format'
import { TurnoutBar } from '../../../features/council/turnout-bar'
import { VoteCard } from '../../../features/council/vote-card'
import { Comments } from '../../../features/council/comments'
import { AuditList, Roll } from '../../../features/council/audit-list'
import { ConvenerTools } from '../../../features/council/convener-tools'
import { addComment } from '../../../features/council/api/add-comment'
import { castBallot } from '../../../features/council/api/cast-ballot'
import { getDeliberation } from '../../../features/council/api/get-deliberation'
import { askForShareTickets, markLanded } from '../../../features/council/group-chat'
import { prepareUpdatableShare } from '../../../features/council/group-card'
import { noteServerTime, useServerNow } from '../../../features/council/server-clock'
import '../../../shared/chip.css'
import '../../../features/council/council.css'
import { Page } from '../../../shared/page'

const sharePath = (id: string) => `/council/pages/deliberation/index?id=${id}`

export default function DeliberationPage() {
  const id = useRouter().params.id ?? ''
  const remote = useRemote(
    () =>
      getDeliberation({ deliberationId: id }).then(({ deliberation }) => {
        // Before it renders: the countdown is counted from the server's now from the first frame.
        noteServerTime(deliberation.asOf)
        return deliberation
      }),
    [id],
  )
  const detail = remote.data
  const now = useServerNow(15_000)
  const messages = useAllowMessages()
  const { submit } = useSubmit()
  const reloadedAtDeadline = useRef(false)
  const [cardLabel, setCardLabel] = useState<string>()
  const canShare = detail?.can.share === true

  const show = (next: DeliberationDetail) => {
    noteServerTime(next.asOf)
    remote.set(next)
  }

  useLoad(() => {
    askForShareTickets()
    markLanded()
  })
  useReloadOnReturn(remote.reload)
  // Never the case's details: shareTitle is neutral for a sensitive case.
  useShareAppMessage(() => ({ title: detail?.shareTitle ?? '议事会议题', path: sharePath(id) }))

  // Before she shares: the card is declared updatable with the server's activity id (weapp only; a
  // fresh one for each ballot she sees is not needed: the server keeps one per deliberation).
  useEffect(() => {
    if (!canShare) return
    let live = true
    void prepareUpdatableShare(id).then((card) => live && setCardLabel(card?.card.label))
    return () => {
      live = false
    }
  }, [id, canShare, detail?.turnout.ballots])

  // Past the deadline the timer closes it: look again once, so the result replaces the vote button.
  useEffect(() => {
    if (!detail || detail.status !== 'open' || reloadedAtDeadline.current) return
    if (Date.parse(now) >= Date.parse(detail.closesAt)) {
      reloadedAtDeadline.current = true
      void remote.reload()
    }
  }, [now, detail, remote])

  const vote = (choices: number[]) => {
    const first = !detail?.myBallot
    return submit(async () => {
      const { deliberation: next } = await castBallot({ deliberationId: id, choices })
      // A ballot's reply leaves out the audit list and the roll (they read every ballot): keep what
      // is on screen until the fresh copy arrives.
      show({ ...next, ...(detail?.audit && !next.audit && { audit: detail.audit }), ...(detail?.roll && !next.roll && { roll: detail.roll }) })
      void remote.reload()
      void Taro.showToast({ title: first ? '已投票' : '已修改', icon: 'success' })
      // Her first ballot: offer to be told the result (and the next invitation) by WeChat message.
      if (first && messages.subscribed === undefined) messages.offer('council')
    }, remote.reload)
  }
  /** True once the comment is in, so the box empties. */
  const comment = (text: string) =>
    submit(async () => {
      show((await addComment({ deliberationId: id, text })).deliberation)
      return true
    }, remote.reload)

  if (!detail) return <PageState remote={remote} missing="没有找到这个议事" />

  const open = detail.status === 'open'
  const manager = detail.roll !== undefined
  const firstPage = Taro.getCurrentPages().length <= 1
  const rule = `${detail.turnout.quorum} 人以上投票有效，某一选项得票${passRuleText(detail.passRatio)}即通过`

  return (
    <Page>
      <View className="card">
        <View className="title-row">
          <Text className="title">{detail.title}</Text>
          <Text className={`chip ${open ? 'chip-brand' : 'chip-muted'}`}>{DELIBERATION_STATUS_LABELS[detail.status]}</Text>
        </View>
        <Text className="muted council-line">
          {detail.orgName}议事会 · {detail.multiple ? '多选' : '单选'}
          {detail.anonymous ? ' · 匿名表决' : ''}
        </Text>
        {open ? (
          <Text className="council-line council-countdown">
            {countdown(detail.closesAt, now)} · {formatTime(detail.closesAt, now)} 截止
          </Text>
        ) : (
          <Text className="muted council-line">{formatTime(detail.closedAt ?? detail.closesAt, now)} 结束</Text>
        )}
        {detail.caseId && manager && (
          <View className="tap link" onClick={() => Taro.navigateTo({ url: `/pages/case/index?id=${detail.caseId}` })}>
            <Text>查看关联的反映 ›</Text>
          </View>
        )}
      </View>

      {detail.result && (
        <Card title="表决结果">
          <Text className={`council-result council-result-${resultTone(detail.result)}`}>{resultText(detail.result)}</Text>
          <Text className="muted council-line">
            {detail.turnout.members} 名成员中 {detail.turnout.ballots} 人投票。规则：{rule}。
          </Text>
          {detail.resultOnCase === 'written' && <Text className="notice">结果已写入反映的办理进度。</Text>}
          {detail.resultOnCase === 'refused' && <Text className="notice">反映已经关闭，结果没有写入办理进度。</Text>}
        </Card>
      )}

      <Card title="议题背景">
        <Text className="as-written">{detail.background}</Text>
      </Card>

      <VoteCard detail={detail} now={now} onVote={vote} />

      {messages.offered && (
        <Card title="结果出来时通知我">
          <Text className="muted">表决结束时，通过微信消息告诉您结果；有新的议事也会通知您。</Text>
          <BigButton type="primary" onClick={messages.allow}>
            接收议事通知
          </BigButton>
        </Card>
      )}
      {messages.subscribed !== undefined && (
        <Text className="notice">{messages.subscribed ? '好的，表决结果会通知您。' : '没有开启微信通知，结果仍会显示在“消息”里。'}</Text>
      )}

      <Card title="投票进度">
        <TurnoutBar turnout={detail.turnout} />
        {open && <Text className="muted council-line">规则：{rule}。</Text>}
      </Card>

      <Card title="各选项票数" className="counts">
        {detail.counts ? (
          <BarChart
            bars={detail.options.map((option, i) => ({ label: `${i + 1}. ${option}`, value: detail.counts?.[i] ?? 0 }))}
            format={(v) => `${v} 票`}
            max={Math.max(detail.turnout.ballots, 1)}
          />
        ) : (
          <Text className="muted">投票后可以看到各选项的票数（先投票，不受别人影响）。</Text>
        )}
      </Card>

      <ConvenerTools detail={detail} now={now} {...(cardLabel && { cardLabel })} onChanged={(next) => (next ? show(next) : remote.reload())} />
      {detail.roll && open && <Roll roll={detail.roll} />}
      {detail.audit && <AuditList audit={detail.audit} options={detail.options} anonymous={detail.anonymous} now={now} />}

      <Comments comments={detail.comments} canComment={detail.can.comment} now={now} onSend={comment} />

      {firstPage && (
        <BigButton onClick={() => Taro.redirectTo({ url: '/council/pages/inbox/index' })}>查看全部议事</BigButton>
      )}
      <AllowMessagesDialog visible={messages.asking} templates={messages.templates} onAnswer={messages.answered} />
    </Page>
  )
}
