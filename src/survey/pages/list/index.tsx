/**
 * 调研: the surveys reaching her — open ones first, 待填写 or 已填写, then closed ones — each opening
 * its page; cadres and conveners open one here (发起调研) at their own org.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { SurveyList } from '../../../features/surveys/survey-list'
import { OpenSurveyForm } from '../../../features/surveys/open-survey-form'
import { listSurveys } from '../../../features/surveys/api/list-surveys'
import { BigButton } from '../../../shared/big-button'
import { Page } from '../../../shared/page'
import { EmptyState, PageState } from '../../../shared/remote-state'
import { useReloadOnReturn, useRemote } from '../../../shared/use-remote'

export default function SurveysPage() {
  const remote = useRemote(listSurveys, [])
  useReloadOnReturn(remote.reload)
  const [writing, setWriting] = useState(false)
  const { data } = remote

  const done = async (opened: boolean) => {
    setWriting(false)
    if (!opened) return
    void Taro.showToast({ title: '已发起', icon: 'success' })
    await remote.reload()
  }

  if (remote.error || !data) return <PageState remote={remote} loadingText="正在读取调研…" />
  if (writing) {
    return (
      <Page>
        <OpenSurveyForm places={data.opensAt} now={data.now} onDone={done} />
      </Page>
    )
  }
  return (
    <Page>
      {data.opensAt.length > 0 && (
        <BigButton type="primary" onClick={() => setWriting(true)}>
          发起调研
        </BigButton>
      )}
      {data.waiting > 0 && <Text className="notice">有 {data.waiting} 份调研等您填写，标有“待填写”。</Text>}
      {data.items.length === 0 ? (
        <EmptyState
          title="还没有调研"
          hint={data.opensAt.length > 0 ? '点“发起调研”，听听辖区群众的想法' : '本村和上级妇联发起调研后，会显示在这里；在“我的反映”里选好您住的村（社区）'}
        />
      ) : (
        <SurveyList items={data.items} />
      )}
    </Page>
  )
}
