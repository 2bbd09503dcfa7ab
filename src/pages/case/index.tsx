/** One case: where it is, the running deadline, its story; rate it once resolved, withdraw it before. */
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { BigButton } from '../../shared/big-button'
import { Text, View } from '@tarojs/components'
import type { Rating } from '../../../types'
import { isOutOfDate, showError } from '../../shared/cloud-error'
import { useRemote } from '../../shared/use-remote'
import { getCase } from '../../features/cases/api/get-case'
import { rateCase } from '../../features/cases/api/rate-case'
import { withdrawCase } from '../../features/cases/api/withdraw-case'
import { CaseHeader } from '../../features/case-detail/case-header'
import { CaseTimeline } from '../../features/case-detail/case-timeline'
import { RateCase } from '../../features/case-detail/rate-case'
import { HandlerActions } from '../../features/case-detail/handler-actions'
import { PageLoading, PageError } from '../../shared/page-status'
import './index.css'

export default function CasePage() {
  const caseId = useRouter().params.id ?? ''
  const { data, loading, error, reload } = useRemote(() => getCase({ caseId }).then((r) => r.case), [caseId])
  useDidShow(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  const rate = async (rating: Rating, comment: string) => {
    try {
      await rateCase({ caseId, rating, ...(comment && { comment }) })
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' })
      await reload()
    } catch (e) {
      showError(e)
      if (isOutOfDate(e)) void reload()
    }
  }
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({ title: '撤回反映', content: '撤回后将不再办理，确定撤回吗？', confirmText: '撤回', cancelText: '再想想' })
    if (!confirm) return
    try {
      await withdrawCase({ caseId })
      await reload()
    } catch (e) {
      showError(e)
      if (isOutOfDate(e)) void reload()
    }
  }

  if (loading && !data) return <PageLoading />
  if (error || !data) {
    return <PageError message={error?.message ?? '没有找到这条反映'} onRetry={reload} />
  }
  return (
    <View className="page">
      <CaseHeader detail={data} />
      {data.can.rate && <RateCase onRate={rate} />}
      <HandlerActions detail={data} onChanged={reload} />
      <View className="card">
        <Text className="section-title">办理进度</Text>
        <CaseTimeline items={data.timeline} />
      </View>
      {data.can.withdraw && (
        <BigButton onClick={withdraw}>
          撤回反映
        </BigButton>
      )}
    </View>
  )
}
