/**
 * WeChat asks the mini-program to get agreement before a privacy-related API runs (choosing photos,
 * …): wx.onNeedPrivacyAuthorization hands us a `resolve`; we show what it is about and an agree
 * button of open-type agreePrivacyAuthorization. Only in weapp; the H5 build has no such gate.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { BottomSheet } from '../../shared/bottom-sheet'

type Resolve = (result: { buttonId?: string; event: 'agree' | 'disagree' }) => void

export function PrivacyConsent() {
  const [resolve, setResolve] = useState<Resolve | null>(null)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const wx = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (r: Resolve) => void) => void }
    wx.onNeedPrivacyAuthorization?.((r) => setResolve(() => r))
  }, [])
  if (!resolve) return null
  const answer = (event: 'agree' | 'disagree') => {
    resolve(event === 'agree' ? { buttonId: 'privacy-agree', event } : { event })
    setResolve(null)
  }
  return (
    <BottomSheet visible title="隐私保护提示" onClose={() => answer('disagree')}>
      <Text className="privacy-line">
        为了上传照片、办理您的反映，需要您同意《妇女议事会隐私保护指引》。反映内容只给办理的议事会主任和妇联干部看。
      </Text>
      <Text className="link" onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
        查看隐私说明
      </Text>
      <View className="button-row">
        <Button className="big-button" onClick={() => answer('disagree')}>
          不同意
        </Button>
        <Button id="privacy-agree" className="big-button" openType="agreePrivacyAuthorization" onClick={() => answer('agree')}>
          同意
        </Button>
      </View>
    </BottomSheet>
  )
}
