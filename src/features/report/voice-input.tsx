/**
 * 说话输入 under the description: she taps, speaks, taps 说完了, and what she said is added to the text,
 * which she can still correct by hand. Hidden where the phone cannot do it (speech.ts).
 */
import { useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Microphone } from '@nutui/icons-react-taro'
import { BigButton } from '../../shared/big-button'
import { speechHere, type Listening } from './speech'

export function VoiceInput({ onSaid }: { onSaid: (text: string) => void }) {
  const speech = useMemo(speechHere, [])
  const [heard, setHeard] = useState<string>()
  const listening = useRef<Listening>()
  // What she said goes into the text as it is when she finishes, not as it was when she began.
  const said = useRef(onSaid)
  said.current = onSaid
  if (!speech) return null

  const start = () => {
    setHeard('')
    let last = ''
    listening.current = speech.listen(
      (text) => {
        last = text
        setHeard(text)
      },
      (problem) => {
        listening.current = undefined
        setHeard(undefined)
        if (last.trim()) said.current(last.trim())
        else if (problem) void Taro.showToast({ title: '没有听清，请再说一次，或者打字', icon: 'none' })
      },
    )
  }
  const on = heard !== undefined
  return (
    <View className="voice-input">
      {on && <Text className="notice">{heard ? `正在听：${heard}` : '正在听，请说…说完点“说完了”'}</Text>}
      <BigButton onClick={() => (on ? listening.current?.stop() : start())}>
        {on ? (
          '说完了'
        ) : (
          <View className="icon-label">
            <Microphone color="currentColor" />
            <Text>说话输入（说完可以再改）</Text>
          </View>
        )}
      </BigButton>
    </View>
  )
}
