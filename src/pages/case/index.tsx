/**
 * One case: where it is, the running deadline, its story; rate it once resolved, withdraw it before;
 * for those handling it its work, for a supervising level 催办 and 提级办理, and for both its urges,
 * 转办 and 延期 (asked by the holder, answered by the level above); its 帮扶方案 for the holder and
 * for whoever a task names.
 */
import Taro, { useRouter } from '@tarojs/taro'
import { BigButton } from '../../shared/big-button'
import { View } from '@tarojs/components'
import { LEVEL_LABELS } from '../../../types'
import { useReloadOnReturn, useRemote } from '../../shared/use-remote'
import { useSubmit } from '../../shared/use-submit'
import { getCase } from '../../features/cases/api/get-case'
import { rateCase } from '../../features/cases/api/rate-case'
import { withdrawCase } from '../../features/cases/api/withdraw-case'
import { CaseHeader } from '../../features/case-detail/case-header'
import { CaseTimeline } from '../../features/case-detail/case-timeline'
import { CaseSteps } from '../../features/case-detail/case-steps'
import { RateCase, type RateAnswers } from '../../features/case-detail/rate-case'
import { HandlerActions } from '../../features/case-detail/handler-actions'
import { CaseUrges } from '../../features/case-detail/case-urges'
import { SuperviseActions } from '../../features/case-detail/supervise-actions'
import { AnswerPicker } from '../../features/knowledge/answer-picker'
import { TransferAndExtension } from '../../features/case-detail/transfer-and-extension'
import { MeTooCard } from '../../features/case-detail/me-too-card'
import { HelpPlanCard } from '../../features/help-plan/help-plan-card'
import { PageState } from '../../shared/remote-state'
import { Card } from '../../shared/card'
import './index.css'
import { confirmFirst } from '../../shared/confirm'
import { Page } from '../../shared/page'

export default function CasePage() {
  const caseId = useRouter().params.id ?? ''
  const remote = useRemote(() => getCase({ caseId }).then((r) => r.case), [caseId])
  const { data, error, reload } = remote
  useReloadOnReturn(reload)
  const { submit } = useSubmit()

  const rate = (answers: RateAnswers) =>
    submit(async () => {
      await rateCase({ caseId, ...answers })
      void Taro.showToast({ title: answers.reopen ? '已转上一级办理' : '感谢您的评价', icon: 'success' })
      await reload()
    }, reload)
  const withdraw = async () => {
    if (!(await confirmFirst({ title: '撤回反映', content: '撤回后将不再办理，确定撤回吗？', confirmText: '撤回', cancelText: '再想想' }))) return
    await submit(async () => {
      await withdrawCase({ caseId })
      await reload()
    }, reload)
  }

  if (error || !data) return <PageState remote={remote} missing="没有找到这条反映" />
  return (
    <Page>
      <CaseSteps detail={data} />
      <CaseHeader detail={data} />
      <MeTooCard detail={data} onChanged={reload} />
      {/* Before the work: an urged holder sees first that a level above is waiting on her. */}
      <CaseUrges urges={data.urges} now={data.asOf} />
      {data.can.rate && <RateCase onRate={rate} />}
      <HandlerActions detail={data} onChanged={reload} resolveAid={(fill) => <AnswerPicker category={data.category} onPick={fill} />} />
      <TransferAndExtension detail={data} onChanged={reload} />
      <HelpPlanCard detail={data} onChanged={reload} />
      {(data.can.urge || data.can.takeOver) && (
        <Card title="督办">
          <SuperviseActions caseId={caseId} holder={`${data.holderOrgName}（${LEVEL_LABELS[data.level]}）`} can={data.can} onChanged={reload} />
        </Card>
      )}
      <Card title="办理进度">
        <CaseTimeline items={data.timeline} />
      </Card>
      {data.can.withdraw && (
        <BigButton onClick={withdraw}>
          撤回反映
        </BigButton>
      )}
    </Page>
  )
}
