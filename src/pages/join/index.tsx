/** 加入: redeem an invitation code (typed, or arriving in a shared link) and take the role it offers. */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { LEVEL_LABELS, ROLE_LABELS, type AccountResults } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { Card } from '../../shared/card'
import { useSubmit } from '../../shared/use-submit'
import { redeemInvitation } from '../../features/account/api/redeem-invitation'
import { Page } from '../../shared/page'

export default function JoinPage() {
  const [code, setCode] = useState((useRouter().params.code ?? '').toUpperCase())
  const { busy, submit } = useSubmit()
  const [joined, setJoined] = useState<AccountResults['redeem']>()
  const join = () => submit(async () => setJoined(await redeemInvitation({ code })))

  if (joined) {
    return (
      <Page>
        <View className="card done">
          <Text className="done-mark">✓</Text>
          <Text className="title">欢迎加入</Text>
          <Text className="done-text">
            您已成为{joined.orgName}（{LEVEL_LABELS[joined.level]}）的{ROLE_LABELS[joined.role]}
          </Text>
        </View>
        <BigButton type="primary" onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>
          回到首页
        </BigButton>
      </Page>
    )
  }
  return (
    <Page>
      <Card title="输入邀请码">
        <Text className="muted">邀请码由议事会主任或妇联干部提供，8 位字母和数字（没有 0、1、I、L、O），只能使用一次。</Text>
        <Input
          className="field-box join-code"
          placeholder="例如 7K3MQ9TX"
          maxlength={8}
          value={code}
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
        />
      </Card>
      <BigButton type="primary" loading={busy} disabled={code.trim().length !== 8} onClick={join}>
        加入
      </BigButton>
    </Page>
  )
}
